"""A Medicare patient charged more than Medicare allows the provider to charge.

A non-participating physician or supplier that does not accept assignment may charge at most the
limiting charge: 115% of the fee schedule amount for non-participating providers, itself 95% of the
Physician Fee Schedule amount (so 109.25% of it). A participating provider takes the
Medicare-approved amount as payment in full, so the balance may not exceed it. Anti-pattern: a
non-participating doctor charges $300 for a visit whose fee-schedule amount is $110 (limit $120.18).
Only lines with a fee-schedule amount are judged; hospitals (which bill under other rules) are not.
"""

from ..rule import Rule
from ..sqltypes import line_list, no_lines

RULE = Rule(
    id="MEDICARE.LIMITING_CHARGE",
    severity="high",
    summary="a Medicare patient charged above the limiting charge or the Medicare-approved amount",
    citations=[
        "42 U.S.C. 1395w-4(g)(1)-(2) (limitation on actual charges of non-participating physicians)",
        "42 CFR 414.48 (limits on actual charges of nonparticipating suppliers)",
        "42 U.S.C. 1395u(h)(1) (a participating physician accepts assignment for all claims)",
    ],
    sql=f"""
        WITH priced AS (
            SELECT lb.source, lb.line, lb.code, lb.description, lb.charge, lb.medicare, lb.yardstick, b.medicare_participating,
                   round(lb.medicare * p.nonpar_fee / 100 * p.limiting_charge / 100, 2) AS limiting
            FROM line_benchmarks lb JOIN bills b ON b.source = lb.source CROSS JOIN audit_params p
            WHERE b.insurance_status = 'medicare' AND b.medicare_participating IS NOT NULL
              AND coalesce(b.provider_kind, 'other') <> 'hospital' AND lb.medicare > 0
        ),
        nonpar AS (
            SELECT source, {line_list('line')} AS lines, 'line' AS kind, line, code, description, charge,
                   medicare, limiting, NULL::DECIMAL(14,2) AS asked, charge - limiting AS amount
            FROM priced WHERE NOT medicare_participating AND yardstick = 'pfs' AND charge - limiting > 0.01
        ),
        s AS (SELECT source, {no_lines()} AS lines, total, line_count FROM bill_sums),
        par AS (
            SELECT b.source, s.lines, 'participating' AS kind, NULL AS line, NULL AS code, NULL AS description,
                   NULL::DECIMAL(14,2) AS charge, sum(pr.medicare) AS medicare, NULL::DECIMAL(14,2) AS limiting,
                   coalesce(b.balance, b.stated_balance,
                            s.total - coalesce(b.payments, 0) - coalesce(b.adjustments, 0)) AS asked,
                   coalesce(b.balance, b.stated_balance,
                            s.total - coalesce(b.payments, 0) - coalesce(b.adjustments, 0)) - sum(pr.medicare) AS amount
            FROM bills b JOIN s ON s.source = b.source JOIN priced pr ON pr.source = b.source
            WHERE pr.medicare_participating
            GROUP BY b.source, s.lines, s.line_count, b.balance, b.stated_balance, s.total, b.payments, b.adjustments
            HAVING count(*) = s.line_count
        )
        SELECT * FROM nonpar
        UNION ALL
        SELECT * FROM par WHERE amount > 0.01
    """,
    message={
        "line": ("Line {line}, {description} ({code}), is charged {charge}; a Medicare provider that does not "
                 "participate may charge at most the limiting charge, {limiting} (109.25% of the Medicare amount "
                 "of {medicare})"),
        "participating": ("The provider participates in Medicare, so the Medicare-approved amount ({medicare} for "
                          "these services) is payment in full; the bill asks {asked}, {amount} more than all of it"),
    },
    explanation=("Ask the provider, in writing, to reduce the charge to what Medicare allows and to refund any "
                 "excess you paid. Your Medicare Summary Notice shows the approved amount and your share. If the "
                 "provider will not correct it, call 1-800-MEDICARE (1-800-633-4227)."),
    money_columns=("amount", "charge", "medicare", "limiting", "asked"),
    law=("limiting_charge", "nonpar_fee"),
)
