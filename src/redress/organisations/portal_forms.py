"""Forms for the organisation portal. They check shape; the rules live in services."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from redress.frontend.forms.file_field import MultipleFileField, files_help

MAX_FILES_AT_ONCE = 10
_CODE = re.compile(r"[0-9]{6}")


class PasswordStepForm(forms.Form):
    username = forms.CharField(
        label="Username",
        max_length=150,
        error_messages={"required": "Enter your username"},
        widget=forms.TextInput(attrs={"autocomplete": "username", "spellcheck": False}),
    )
    password = forms.CharField(
        label="Password",
        max_length=4096,
        strip=False,
        error_messages={"required": "Enter your password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"].strip()
        if "\x00" in username:
            raise ValidationError("Enter your username")
        return username

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if "\x00" in password:
            raise ValidationError("Enter your password")
        return password


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6 numbers your app shows now, like 123456.",
        max_length=20,
        error_messages={"required": "Enter the 6-number code from your authenticator app"},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": False,
            }
        ),
    )

    def clean_code(self) -> str:
        # People copy codes with the space some apps show in the middle.
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not _CODE.fullmatch(code):
            raise ValidationError("Enter the code as 6 numbers, like 123456")
        return code


class DocumentsForm(forms.Form):
    documents = MultipleFileField(
        label="Upload files", help_text=files_help(MAX_FILES_AT_ONCE), required=False
    )
    description = forms.CharField(
        label="What are these files? (optional)",
        help_text="For example, your response to our enquiries, or the care plan.",
        max_length=200,
        required=False,
        error_messages={"max_length": "Describe the files in 200 characters or fewer"},
    )

    def clean_documents(self) -> list[UploadedFile]:
        uploads: list[UploadedFile] = self.cleaned_data["documents"]
        if not uploads:
            raise ValidationError("Select at least one file to upload")
        if len(uploads) > MAX_FILES_AT_ONCE:
            raise ValidationError(f"Select {MAX_FILES_AT_ONCE} files or fewer at a time")
        return uploads

    def clean_description(self) -> str:
        description: str = self.cleaned_data["description"]
        if "\x00" in description:
            raise ValidationError("The description contains a character we cannot accept")
        return description.strip()
