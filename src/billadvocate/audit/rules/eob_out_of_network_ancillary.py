"""Out-of-network anesthesia, pathology, radiology, lab, neonatology, emergency medicine, assistant
surgeon or hospitalist/intensivist work at an in-network facility, on the EOB.

At an in-network hospital or center, an out-of-network provider may bill an insured patient no more
than the in-network cost sharing (45 CFR 149.420(a)), and for these ancillary services no notice and
consent form can waive that protection (149.420(b)(1)(i)-(iii)). The EOB shows the claim as out of
network; the facility is in network when the case says so (care.facility_in_network) or when an
EOB claim of the facility itself (institutional) is in network. Insured patients only (not Medicare,
Medicaid or QMB), care from 2022-01-01. At stake: what the provider billed above the plan's allowed
amount, which it may not bill the patient (0 when the EOB gives no allowed amount); on a bill of this one
claim, what the bill asks above the claim's patient share (one figure with NSA.BALANCE_BILL and
EOB.PATIENT_RESP). The plan must
also apply in-network cost sharing (45 CFR 149.120(c)).

Services are read from the codes: CPT anesthesia 00100-01999 and 99100-99140, radiology 70010-79999,
pathology 88000-89398, laboratory 80047-87999 and the PLA codes (dddd U), neonatal and newborn care
99460-99480, emergency visits 99281-99285, hospital inpatient and observation visits 99221-99239 and
critical care 99291-99292 (hospitalists, intensivists), and modifiers 80, 81, 82 and AS (assistant
at surgery).

Anti-pattern: an anesthesiologist's 00790 on an EOB marked out of network, billed $3,200, allowed
$900, during surgery at an in-network hospital: $2,300 may not be balance-billed.
"""

from ..rule import Rule
from ..sqltypes import distinct_text, has_modifier

NUMERIC = "regexp_matches(code, '^[0-9]{5}$')"
SERVICE_SQL = f"""CASE
    WHEN {has_modifier('mods', ('80', '81', '82', 'AS'))} THEN 'assistant surgeon'
    WHEN {NUMERIC} AND (code BETWEEN '00100' AND '01999' OR code BETWEEN '99100' AND '99140') THEN 'anesthesia'
    WHEN {NUMERIC} AND code BETWEEN '70010' AND '79999' THEN 'radiology'
    WHEN {NUMERIC} AND code BETWEEN '88000' AND '89398' THEN 'pathology'
    WHEN ({NUMERIC} AND code BETWEEN '80047' AND '87999') OR regexp_matches(code, '^[0-9]{{4}}U$') THEN 'laboratory'
    WHEN {NUMERIC} AND code BETWEEN '99460' AND '99480' THEN 'neonatology'
    WHEN {NUMERIC} AND code BETWEEN '99281' AND '99285' THEN 'emergency medicine'
    WHEN {NUMERIC} AND (code BETWEEN '99221' AND '99239' OR code BETWEEN '99291' AND '99292')
        THEN 'hospitalist or intensivist care'
END"""

RULE = Rule(
    id="EOB.OUT_OF_NETWORK_ANCILLARY",
    severity="high",
    summary="out-of-network anesthesia, pathology, radiology, lab or other ancillary work at an in-network facility",
    citations=[
        "Public Health Service Act sec. 2799B-2 (42 U.S.C. 300gg-132), balance billing at participating facilities",
        "45 CFR 149.420(a) and (b)(1)(i)-(iii) (ancillary services: notice and consent never waives the protection)",
        "45 CFR 149.120(c) (the plan applies in-network cost sharing)",
    ],
    sql=f"""
        WITH facility AS (  -- accounts whose facility is in network: the case says so, or its EOB claim does
            SELECT source FROM bills WHERE facility_in_network
            UNION
            SELECT source FROM eobs WHERE level = 'claim' AND claim_kind = 'institutional' AND in_network
        ), oon AS (
            SELECT e.source, e.eob, e.claim_id, e.provider, e.code, e.service_date, e.billed, e.allowed,
                   e.lines, ' ' || coalesce(array_to_string(e.modifiers, ' '), '') || ' ' AS mods
            FROM eobs e JOIN facility f ON f.source = e.source
            WHERE e.level IN ('service', 'line') AND e.in_network = false AND e.code IS NOT NULL
        ), classed AS (
            SELECT o.*, {SERVICE_SQL} AS service
            FROM oon o JOIN bills b ON b.source = o.source CROSS JOIN audit_params p
            WHERE coalesce(b.insurance_status, 'insured') = 'insured'
              AND coalesce(o.service_date, b.care_start, p.nsa_from) >= p.nsa_from
        ), grouped AS (
            SELECT source, list_sort(list_distinct(flatten(list(lines)))) AS lines, claim_id,
                   CASE WHEN sum(CASE WHEN allowed IS NOT NULL AND billed > allowed THEN 1 ELSE 0 END) > 0
                        THEN 'excess' ELSE 'share' END AS kind,
                   coalesce(min(provider), 'The provider') AS provider, {distinct_text('service')} AS services,
                   {distinct_text('code')} AS codes, min(service_date) AS date, sum(billed) AS billed,
                   sum(allowed) AS allowed,
                   sum(CASE WHEN allowed IS NOT NULL AND billed > allowed THEN billed - allowed ELSE 0 END) AS excess
            FROM classed WHERE service IS NOT NULL
            GROUP BY source, eob, claim_id
        ), one_claim AS (  -- a bill of this one claim: what it asks above the plan's share is the balance bill
            SELECT b.source, coalesce(b.balance, b.stated_balance,
                                      s.total - coalesce(b.payments, 0) - coalesce(b.adjustments, 0)) - e.share AS over
            FROM bills b JOIN bill_sums s ON s.source = b.source
            JOIN (SELECT source, sum(patient_responsibility) AS share FROM eobs WHERE level = 'claim'
                  GROUP BY source HAVING count(*) = 1 AND count(patient_responsibility) = 1) e ON e.source = b.source
        )
        SELECT g.*, CASE WHEN o.over > 0.01 THEN 'asked' ELSE g.kind END AS kind,
               CASE WHEN o.over > 0.01 THEN o.over ELSE g.excess END AS amount
        FROM grouped g LEFT JOIN one_claim o ON o.source = g.source
    """,
    message={
        "excess": ("{provider} is out of your plan's network and billed {services} ({codes}) on {date} at an "
                   "in-network facility: you may be charged no more than your in-network cost sharing, and no consent "
                   "form can waive that for these services; the {amount} billed above the plan's allowed amount may "
                   "not be billed to you"),
        "asked": ("{provider} is out of your plan's network and billed {services} ({codes}) on {date} at an "
                  "in-network facility: you may be charged no more than your in-network cost sharing, and no consent "
                  "form can waive that for these services; the {amount} the bill asks above that share may not be "
                  "billed to you"),
        "share": ("{provider} is out of your plan's network and billed {services} ({codes}) on {date} at an "
                  "in-network facility: you may be charged no more than your in-network cost sharing, and no consent "
                  "form can waive that for these services; check that the plan applied in-network cost sharing"),
    },
    explanation=("Under the No Surprises Act, anesthesiologists, radiologists, pathologists, labs, neonatologists, "
                 "emergency doctors, assistant surgeons, hospitalists and intensivists who are out of your plan's "
                 "network but work at an in-network hospital or surgery center may charge you only what an "
                 "in-network provider would, even if you signed a form agreeing to pay more. Ask the plan to "
                 "reprocess the claim with in-network cost sharing, and tell the provider in writing that you will "
                 "pay only that amount; complaints go to cms.gov/nosurprises or 1-800-985-3059."),
    money_columns=("amount", "billed", "allowed"),
    law=("nsa_from",),
    needs=("eobs",),
)
