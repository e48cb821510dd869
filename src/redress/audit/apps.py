from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "redress.audit"
    label = "audit"
    verbose_name = "Audit trail"
