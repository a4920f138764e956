"""The case store: cases, their log, documents, deadlines and letters, kept in a database.

A Django app (models, migrations) with a thin service layer (`billadvocate.store.cases`): the
engines stay pure and only ever see the canonical model, which `store.mapping` builds from and
writes to the tables. Documents are kept by content hash in the data folder (`store.blobs`), every
change is recorded in an append-only audit trail (`store.audit`).
"""
