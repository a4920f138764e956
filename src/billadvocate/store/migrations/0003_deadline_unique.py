"""One engine deadline per case, account and kind: duplicates left by repeated refreshes are
removed first (keeping the row someone marked done or snoozed, else the newest), then a unique key."""

from django.db import migrations, models


def keep_one_per_deadline(apps, schema_editor):
    Deadline = apps.get_model("store", "Deadline")
    seen = set()
    rows = Deadline.objects.filter(source="engine").order_by(
        "case_id", "account_id", "kind", models.F("done_at").desc(nulls_last=True),
        models.F("snoozed_until").desc(nulls_last=True), "-updated_at", "-id")
    extra = []
    for row in rows.values("id", "case_id", "account_id", "kind").iterator():
        key = (row["case_id"], row["account_id"], row["kind"])
        if key in seen:
            extra.append(row["id"])
        else:
            seen.add(key)
    for i in range(0, len(extra), 500):
        Deadline.objects.filter(id__in=extra[i:i + 500]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('store', '0002_audit_append_only'),
    ]

    operations = [
        migrations.RunPython(keep_one_per_deadline, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='deadline',
            constraint=models.UniqueConstraint(condition=models.Q(('account__isnull', False), ('source', 'engine')), fields=('case', 'account', 'kind'), name='engine_deadline_unique'),
        ),
        migrations.AddConstraint(
            model_name='deadline',
            constraint=models.UniqueConstraint(condition=models.Q(('account__isnull', True), ('source', 'engine')), fields=('case', 'kind'), name='engine_case_deadline_unique'),
        ),
    ]
