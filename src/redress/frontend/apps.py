from django.apps import AppConfig


class FrontendConfig(AppConfig):
    name = "redress.frontend"
    label = "frontend"
    verbose_name = "Pages and layout"
