"""The database itself refuses to change or delete an audit entry (SQLite and PostgreSQL triggers)."""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER store_auditentry_no_update BEFORE UPDATE ON store_auditentry
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
    """CREATE TRIGGER store_auditentry_no_delete BEFORE DELETE ON store_auditentry
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
]
POSTGRES = [
    """CREATE FUNCTION store_auditentry_refuse() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER store_auditentry_no_change BEFORE UPDATE OR DELETE ON store_auditentry
       FOR EACH ROW EXECUTE FUNCTION store_auditentry_refuse()""",
    """CREATE TRIGGER store_auditentry_no_truncate BEFORE TRUNCATE ON store_auditentry
       FOR EACH STATEMENT EXECUTE FUNCTION store_auditentry_refuse()""",
]
UNDO = {
    "sqlite": ["DROP TRIGGER store_auditentry_no_update", "DROP TRIGGER store_auditentry_no_delete"],
    "postgresql": ["DROP TRIGGER store_auditentry_no_change ON store_auditentry",
                   "DROP TRIGGER store_auditentry_no_truncate ON store_auditentry",
                   "DROP FUNCTION store_auditentry_refuse()"],
}


def forwards(apps, schema_editor):
    for sql in {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    for sql in UNDO.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("store", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
