"""The Django admin: users and their roles, and which users a case is assigned to."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import LetterDraft, Profile


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False


class UserWithRole(UserAdmin):
    inlines = [ProfileInline]


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, UserWithRole)
admin.site.register(LetterDraft)


def _register_case_assignment():
    from billadvocate.store.models import Case

    if admin.site.is_registered(Case):
        return

    @admin.register(Case)
    class CaseAdmin(admin.ModelAdmin):
        list_display = ("id", "title", "status", "updated_at")
        search_fields = ("title",)
        filter_horizontal = ("assigned_to",)
        fields = ("title", "status", "assigned_to")


_register_case_assignment()
