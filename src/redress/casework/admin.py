from django.contrib import admin

from .models import OfficeClosure


@admin.register(OfficeClosure)
class OfficeClosureAdmin(admin.ModelAdmin):
    list_display = ("date", "reason")
    date_hierarchy = "date"
