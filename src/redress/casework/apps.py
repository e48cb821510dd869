from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "redress.casework"
    label = "casework"
    verbose_name = "Casework"
