from django.apps import AppConfig


class InvestigationConfig(AppConfig):
    name = "redress.investigation"
    label = "investigation"
    verbose_name = "Investigation"
