from django.apps import AppConfig


class RemediesConfig(AppConfig):
    name = "redress.remedies"
    label = "remedies"
    verbose_name = "Remedy guidance"
