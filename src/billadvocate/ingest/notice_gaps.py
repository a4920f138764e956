"""What a collector's validation notice kept with the case leaves out, for the review.

A case may keep the notice itself (`documents:` with `kind: notice` and the account's id, a PDF).
When the case does not already say what the notice lacks (`validation_notice.not_stated`), the
review reads the PDF as `billadvocate read` does and carries the items it does not find into the
account, where REGF.VALIDATION_INCOMPLETE turns them into a violation. A document that is not a
validation notice (a hospital's letter, a scan without text) is skipped with a note.
"""

from __future__ import annotations

from ..errors import BadInput
from ..model import Account, Case, ValidationNotice


def with_notice_gaps(case: Case, account: Account, base) -> tuple[Account, list[str]]:
    """(the account, with not_stated filled from its notice PDF when the case has none, notes)."""
    c = account.collector
    if c is None or (c.validation_notice and c.validation_notice.not_stated):
        return account, []
    docs = [d for d in case.documents if d.kind == "notice" and d.account == account.id
            and d.path.lower().endswith(".pdf")]
    notes: list[str] = []
    for d in docs:
        from .validation_notice import looks_like_notice, read_validation_notice

        path = base / d.path
        try:
            if not path.is_file() or not looks_like_notice(path):
                continue
            read = read_validation_notice(path)
        except BadInput as e:
            notes.append(f"the notice {d.path} could not be read: {e.problem}")
            continue
        if not read.notice.not_stated:
            return account, notes
        vn = (c.validation_notice or ValidationNotice()).model_copy(update={"not_stated": read.notice.not_stated})
        notes.append(f"read the validation notice {d.path}: it does not state " + "; ".join(read.missing))
        return account.model_copy(update={"collector": c.model_copy(update={"validation_notice": vn})}), notes
    return account, notes
