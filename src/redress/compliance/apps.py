from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "redress.compliance"
    label = "compliance"
    verbose_name = "Compliance"
