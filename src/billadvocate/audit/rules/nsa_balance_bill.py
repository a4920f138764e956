"""Emergency care, out-of-network care at an in-network facility, or an air ambulance, billed above
in-network cost sharing (a surprise balance bill).

For an insured patient (not Medicare, Medicaid or QMB coverage, which have their own limits) and
care from 2022-01-01, an out-of-network provider may bill no more than the in-network cost sharing
for emergency care (42 U.S.C. 300gg-131), for non-emergency care at an in-network facility without
valid notice and consent, which never covers ancillary services (300gg-132, 45 CFR 149.420), and for
an air ambulance (300gg-135). A ground ambulance is not covered: the case's care.ambulance says
which, else the bill's ambulance codes (HCPCS A0430, A0431, A0435, A0436 are air; A0425-A0429,
A0432-A0434 ground). For an out-of-network provider at an in-network facility the message says
whether a signed notice and consent could have waived the protection: never for ancillary services
(CPT anesthesia, radiology, pathology and lab codes on the bill, or a lab), else only if signed
before the care. With an EOB the cost sharing is known and the excess is at stake; without
one the rule says what to ask for, at medium severity with nothing counted; with the provider's
network status, or an ambulance's kind, unknown it says so at info severity.
"""

from ..rule import Rule
from ..sqltypes import no_lines

# HCPCS Level II ambulance codes: air transport and air mileage; ground transport and ground mileage
AIR_CODES = ("A0430", "A0431", "A0435", "A0436")
GROUND_CODES = ("A0425", "A0426", "A0427", "A0428", "A0429", "A0432", "A0433", "A0434")


# CPT anesthesia (00100-01999), radiology (70010-79999) and pathology and laboratory (80047-89398): the
# ancillary services for which no notice and consent waives the protection (42 U.S.C. 300gg-132(b)(2))
ANCILLARY_SQL = ("(length(code) = 5 AND (substr(code, 1, 2) IN ('00', '01') OR substr(code, 1, 1) IN ('7', '8')) "
                 "AND NOT regexp_matches(code, '[^0-9]'))")


def _in(codes: tuple[str, ...]) -> str:
    return ", ".join(f"'{c}'" for c in codes)


RULE = Rule(
    id="NSA.BALANCE_BILL",
    severity="high",
    summary="emergency care, out-of-network care at an in-network facility, or an air ambulance, billed above in-network cost sharing",
    citations=[
        "Public Health Service Act secs. 2799B-1, 2799B-2 and 2799B-5 (42 U.S.C. 300gg-131, 300gg-132, 300gg-135)",
        "45 CFR 149.410 (emergency services), 149.420 (non-participating providers at participating facilities) "
        "and 149.440 (air ambulance services)",
    ],
    sql=f"""
        WITH asked AS (
            SELECT source, {no_lines()} AS lines, total, first_date FROM bill_sums
        ), eob AS (
            SELECT source, sum(patient_responsibility) AS cost_sharing FROM eobs
            WHERE level = 'claim' AND patient_responsibility IS NOT NULL GROUP BY source
        ), coded AS (  -- only the bills the protection could reach (insured, provider not in network)
            SELECT source,
                   CASE WHEN bool_or(upper(code) IN ({_in(AIR_CODES)})) THEN 'air'
                        WHEN bool_or(upper(code) IN ({_in(GROUND_CODES)})) THEN 'ground' END AS ambulance,
                   bool_or({ANCILLARY_SQL}) AS ancillary
            FROM audit_lines
            WHERE source IN (SELECT source FROM bills WHERE insurance_status = 'insured'
                                                        AND (in_network IS NULL OR NOT in_network))
            GROUP BY source
        ), facts AS (
            SELECT b.*, k.lines, k.total, k.first_date, coalesce(b.ambulance, c.ambulance) AS ride,
                   coalesce(c.ancillary, false) OR coalesce(b.provider_kind, '') = 'lab' AS ancillary
            FROM bills b JOIN asked k ON k.source = b.source LEFT JOIN coded c ON c.source = b.source
        ), cases AS (
            SELECT f.source, f.lines, coalesce(f.balance, f.stated_balance, f.total) AS asked, e.cost_sharing,
                   CASE WHEN f.ride = 'air' THEN 'an air ambulance'
                        WHEN f.emergency THEN 'emergency care'
                        ELSE 'care at an in-network facility' END AS care,
                   CASE WHEN f.ride = 'air' OR f.emergency THEN ''
                        WHEN f.ancillary THEN ' (anesthesia, radiology, pathology or lab work: no consent form can waive this)'
                        ELSE ', unless you signed its notice-and-consent form before the care' END AS consent,
                   f.in_network, f.ride IS NULL AND coalesce(f.provider_kind, '') = 'ambulance' AS ride_unknown
            FROM facts f LEFT JOIN eob e ON e.source = f.source
            CROSS JOIN audit_params p
            WHERE f.insurance_status = 'insured'
              AND coalesce(f.care_start, f.first_date, p.nsa_from) >= p.nsa_from
              AND coalesce(f.ride, '') <> 'ground'
              AND (f.in_network IS NULL OR NOT f.in_network)
              AND (f.emergency OR f.facility_in_network OR f.ride = 'air' OR f.provider_kind = 'ambulance')
        )
        SELECT source, lines, asked, cost_sharing, care, consent,
               CASE WHEN ride_unknown THEN 'ambulance_unknown'
                    WHEN in_network IS NULL THEN 'unknown' WHEN cost_sharing IS NULL THEN 'no_eob'
                    ELSE 'excess' END AS kind,
               CASE WHEN ride_unknown OR in_network IS NULL THEN 'info'
                    WHEN cost_sharing IS NULL THEN 'medium' ELSE 'high' END AS severity,
               CASE WHEN NOT ride_unknown AND in_network = false
                         AND cost_sharing IS NOT NULL THEN asked - cost_sharing ELSE 0 END AS amount
        FROM cases
        WHERE ride_unknown OR in_network IS NULL OR cost_sharing IS NULL OR asked - cost_sharing > 0.01
    """,
    message={
        "excess": ("For {care} from an out-of-network provider the bill asks {asked}, but your in-network cost "
                   "sharing on the EOB is {cost_sharing}: {amount} is a balance bill{consent}"),
        "no_eob": ("For {care} from an out-of-network provider you may be charged no more than your in-network cost "
                   "sharing{consent}; the bill asks {asked}: get the insurer's EOB to see that amount"),
        "unknown": ("Surprise-billing protection for {care} was not checked: whether the provider is in your "
                    "plan's network is not known"),
        "ambulance_unknown": ("Surprise-billing protection for this ambulance bill was not checked: the No "
                              "Surprises Act protects air ambulance rides, not ground ambulance rides, and the "
                              "case does not say which this was"),
    },
    explanation=("Under the No Surprises Act an insured patient pays no more than the in-network cost sharing "
                 "for emergency care, for an air ambulance, and for out-of-network providers at an in-network "
                 "hospital or center unless you signed a valid notice and consent (never valid for anesthesia, "
                 "radiology, pathology, lab, emergency medicine, assistant surgeons or hospitalists). It does not "
                 "cover ground ambulances, care before 2022, or Medicare, Medicaid or QMB coverage. Dispute the "
                 "excess with the provider and your plan; you can complain at cms.gov/nosurprises or "
                 "1-800-985-3059."),
    money_columns=("amount", "asked", "cost_sharing"),
    severity_column=True,
    law=("nsa_from",),
)
