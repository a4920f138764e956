"""A patient eligible under a nonprofit hospital's financial-assistance policy charged more than the
amounts generally billed (AGB) to insured patients.

A 501(c)(3) hospital may not charge a FAP-eligible patient more than AGB for emergency or other
medically necessary care. AGB is the policy's `agb_percent` of gross charges. The patient is
eligible when the household's income, as a percent of the poverty guideline, is at or below the
policy's discount (or free-care) threshold. At or below the free-care threshold nothing is owed,
so the whole balance is at stake. What is charged counts the insurer's payments shown on
the bill plus the balance asked. Needs the hospital's fap.agb_percent and thresholds and the
household's income; without the income it says so at info severity.
"""

from ..rule import Rule
from ..sqltypes import no_lines

RULE = Rule(
    id="IRS501R.OVER_AGB",
    severity="high",
    summary="a patient eligible under the hospital's policy is charged more than amounts generally billed",
    citations=[
        "26 U.S.C. 501(r)(5) (limitation on charges)",
        "26 CFR 1.501(r)-5(a), (b) (FAP-eligible individuals charged no more than AGB; AGB methods)",
    ],
    sql=f"""
        WITH sums AS (SELECT source, {no_lines()} AS lines, total AS gross FROM bill_sums),
        cases AS (
            SELECT b.source, s.lines, s.gross, b.fap_agb_percent AS agb_percent, b.fpl_percent,
                   greatest(coalesce(b.fap_discount_fpl, 0), coalesce(b.fap_free_fpl, 0)) AS eligible_to,
                   b.fap_free_fpl AS free_to,
                   coalesce(b.balance, b.stated_balance, s.gross) AS asked, coalesce(b.payments, 0) AS paid,
                   round(s.gross * b.fap_agb_percent / 100, 2) AS agb
            FROM bills b JOIN sums s ON s.source = b.source
            WHERE b.nonprofit AND b.provider_kind = 'hospital' AND b.fap_agb_percent IS NOT NULL
              AND (b.fap_discount_fpl IS NOT NULL OR b.fap_free_fpl IS NOT NULL)
        )
        SELECT source, lines, gross, agb_percent, fpl_percent, eligible_to, free_to, asked, paid, agb,
               CASE WHEN fpl_percent IS NULL THEN 'missing' WHEN fpl_percent <= free_to THEN 'free' ELSE 'over' END AS kind,
               CASE WHEN fpl_percent IS NULL THEN 'info' ELSE 'high' END AS severity,
               CASE WHEN fpl_percent IS NULL THEN 0 WHEN fpl_percent <= free_to THEN asked
                    ELSE least(asked, asked + paid - agb) END AS amount
        FROM cases
        WHERE fpl_percent IS NULL OR (fpl_percent <= free_to AND asked > 0.01)
           OR (fpl_percent <= eligible_to AND asked + paid - agb > 0.01)
    """,
    message={
        # the income screen is not the hospital's decision: likely eligible, and what follows once it approves
        "over": ("At {fpl_percent}% of the poverty guideline you are likely eligible under the hospital's policy (up "
                 "to {eligible_to}%): if the hospital approves your application you may be charged at most its AGB "
                 "of {agb_percent}% of {gross} = {agb}; with {paid} paid the bill still asks {asked}"),
        "free": ("At {fpl_percent}% of the poverty guideline you are likely eligible for the free care the hospital's "
                 "own policy gives (up to {free_to}%): if the hospital approves your application nothing is owed, so "
                 "the whole {asked} asked is in dispute; its AGB of {agb_percent}% of charges is a ceiling for "
                 "discounted care, never an amount you owe"),
        "missing": ("The limit on charges for financial-assistance patients (AGB, {agb_percent}% of charges) was "
                    "not checked: the household's income or size is unknown"),
    },
    explanation=("A nonprofit hospital must give the free or discounted care its financial-assistance policy "
                 "promises, and may never charge a patient who qualifies more than the amounts generally billed "
                 "to insured patients. Apply for financial assistance and ask the hospital to apply its policy "
                 "to the bill: free care when your income is under its free-care limit, otherwise its discount."),
    money_columns=("amount", "gross", "asked", "paid", "agb"),
    # the review replaces the figure with the money engine's (negotiate.agree_findings) so the finding,
    # the offer, the letters and the scripts say the same amount
    severity_column=True,
)
