"""Signing in and out. Sign-ins, good and bad, go in the audit trail."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse

from . import services
from .forms import SignInForm
from .models import User


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        user = form.get_user()
        if isinstance(user, User):
            services.sign_in_record(user=user)
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        services.sign_in_failure_record(username=form.data.get("username", "")[:150])
        return super().form_invalid(form)


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]
