from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "redress.assessment"
    label = "assessment"
    verbose_name = "Assessment"
