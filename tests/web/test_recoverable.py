"""One bad document affects only itself: the rest of the case still reviews, the document shows its
one-line problem, and it can be removed (the audit trail keeps who removed what)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile


def _upload_garbage_bill(client, case_row):
    return client.post(f"/cases/{case_row.pk}/documents/", {
        "role": "bill", "account": "er-visit",
        "file": SimpleUploadedFile("photo.csv", b"this is not a bill at all\n", content_type="text/csv")})


def test_an_unreadable_bill_leaves_the_rest_of_the_case_reviewable(world, client_as):
    from billadvocate.web import casework

    client = client_as(world.client_a)
    before, problem = casework.try_review(world.case_a)
    assert problem is None and before.accounts[0].findings
    r = _upload_garbage_bill(client, world.case_a)
    assert r.status_code in (200, 302)
    world.case_a.refresh_from_db()
    after, problem = casework.try_review(world.case_a)
    assert problem is None, problem
    account = after.accounts[0]
    assert account.unreadable and "could not be read" in " ".join(account.notes)
    assert {f.rule for f in account.findings} == {f.rule for f in before.accounts[0].findings}
    assert client.get(f"/cases/{world.case_a.pk}/").status_code == 200
    page = client.get(f"/cases/{world.case_a.pk}/documents/").content.decode()
    assert "could not be read" in page


def test_a_wrong_upload_can_be_removed_and_the_trail_keeps_it(world, client_as):
    from billadvocate.store import models as m

    client = client_as(world.client_a)
    _upload_garbage_bill(client, world.case_a)
    doc = m.Document.objects.filter(case=world.case_a, role="bill").latest("id")
    assert client.get(f"/cases/{world.case_a.pk}/documents/{doc.pk}/remove/").status_code == 405
    r = client.post(f"/cases/{world.case_a.pk}/documents/{doc.pk}/remove/")
    assert r.status_code == 302
    assert not m.Document.objects.filter(pk=doc.pk).exists()
    trail = m.AuditEntry.objects.filter(model="store.Document", object_id=str(doc.pk), action="delete")
    assert trail.exists() and doc.sha256 in str(trail.first().before)


def test_someone_without_the_case_cannot_remove_its_documents(world, client_as):
    from billadvocate.store import models as m

    doc = m.Document.objects.filter(case=world.case_a).first()
    r = client_as(world.client_b).post(f"/cases/{world.case_a.pk}/documents/{doc.pk}/remove/")
    assert r.status_code in (403, 404)
    assert m.Document.objects.filter(pk=doc.pk).exists()


def test_the_owner_deletes_a_case_and_the_trail_keeps_it(world, client_as):
    from billadvocate.store import models as m

    case = world.case_a
    case.created_by = world.client_a
    case.save()
    client = client_as(world.client_a)
    assert "Delete" in client.get(f"/cases/{case.pk}/delete/").content.decode()
    r = client.post(f"/cases/{case.pk}/delete/", {})  # not confirmed: nothing happens
    assert r.status_code == 200 and m.Case.objects.filter(pk=case.pk).exists()
    r = client.post(f"/cases/{case.pk}/delete/", {"confirm": "on"})
    assert r.status_code == 302 and not m.Case.objects.filter(pk=case.pk).exists()
    assert m.AuditEntry.objects.filter(case_id=case.pk, action="delete_case").exists()
    assert m.AuditEntry.objects.filter(case_id=case.pk, model="store.Event", action="delete").exists()


def test_a_client_who_did_not_start_the_case_cannot_delete_it(world, client_as):
    from billadvocate.store import models as m

    r = client_as(world.client_a).post(f"/cases/{world.case_a.pk}/delete/", {"confirm": "on"})
    assert r.status_code == 403 and m.Case.objects.filter(pk=world.case_a.pk).exists()
    r = client_as(world.advocate_b).post(f"/cases/{world.case_a.pk}/delete/", {"confirm": "on"})
    assert r.status_code in (403, 404) and m.Case.objects.filter(pk=world.case_a.pk).exists()


def test_a_full_disk_during_an_upload_is_a_message_not_a_500(world, client_as, monkeypatch):
    import errno

    from billadvocate.store import blobs
    from billadvocate.store import models as m

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(blobs, "put_file", full)
    before = m.Document.objects.filter(case=world.case_a).count()
    client = client_as(world.client_a)
    r = _upload_garbage_bill(client, world.case_a)
    assert r.status_code == 200 and "could not keep the file" in r.content.decode()
    assert m.Document.objects.filter(case=world.case_a).count() == before
