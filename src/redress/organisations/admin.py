from django.contrib import admin

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "org_type", "region", "population")
    list_filter = ("org_type", "region")
    search_fields = ("name",)
