"""Every URL of the web app. Case pages take `case_id`; permissions.case_view resolves it."""

from django.contrib import admin
from django.urls import include, path, register_converter

from .views import advocate, base, case, hospitals, intake, letters, log


class StepConverter:
    regex = "you|household|insurance|bill|collector|credit"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class LetterTypeConverter:
    regex = "[a-z_]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(StepConverter, "step")
register_converter(LetterTypeConverter, "lettertype")

app_name = "web"
web_patterns = [
    path("", base.home, name="home"),
    path("login/", base.login_view, name="login"),
    path("logout/", base.logout_view, name="logout"),
    path("account/", base.account, name="account"),
    path("start/", intake.start, name="start"),
    path("hospitals/search/", hospitals.hospital_search, name="hospital_search"),
    # a case
    path("cases/<int:case_id>/", case.case_page, name="case"),
    path("cases/<int:case_id>/delete/", case.case_delete, name="case_delete"),
    path("cases/<int:case_id>/intake/<step:step>/", intake.intake, name="intake"),
    path("cases/<int:case_id>/intake/bill/reading/", intake.bill_reading, name="bill_reading"),
    path("cases/<int:case_id>/log/", log.log, name="log"),
    path("cases/<int:case_id>/reminders/", log.reminders, name="reminders"),
    path("cases/<int:case_id>/calendar.ics", log.calendar, name="calendar"),
    path("cases/<int:case_id>/reminders/<int:deadline_id>/done/", log.reminder_done, name="reminder_done"),
    path("cases/<int:case_id>/reminders/<int:deadline_id>/snooze/", log.reminder_snooze, name="reminder_snooze"),
    path("cases/<int:case_id>/documents/", log.documents, name="documents"),
    path("cases/<int:case_id>/documents/<int:document_id>/", log.document_download, name="document"),
    path("cases/<int:case_id>/documents/<int:document_id>/remove/", log.document_remove, name="document_remove"),
    path("cases/<int:case_id>/letters/", letters.letters, name="letters"),
    path("cases/<int:case_id>/letters/<lettertype:letter_type>/", letters.letter, name="letter"),
    path("cases/<int:case_id>/letters/<lettertype:letter_type>/reset/", letters.letter_reset, name="letter_reset"),
    path("cases/<int:case_id>/letters/<lettertype:letter_type>/sent/", letters.letter_sent, name="letter_sent"),
    path("cases/<int:case_id>/letters/<lettertype:letter_type>/download.<str:fmt>", letters.letter_download,
         name="letter_download"),
    path("cases/<int:case_id>/export/", advocate.export_case, name="export_case"),
    path("cases/<int:case_id>/client/", advocate.client_access, name="client_access"),
    # the workbench
    path("dashboard/", advocate.dashboard, name="dashboard"),
    path("dashboard/refresh/", advocate.refresh_deadlines, name="refresh_deadlines"),
    path("cases/", advocate.cases, name="cases"),
    path("letters/batch/", advocate.batch_letters, name="batch_letters"),
    path("export/", advocate.export, name="export"),
]

urlpatterns = [
    path("", include((web_patterns, "web"))),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler403 = "billadvocate.web.views.base.forbidden"
handler404 = "billadvocate.web.views.base.not_found"
handler500 = "billadvocate.web.views.base.server_error"
