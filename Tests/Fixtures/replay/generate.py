#!/usr/bin/env python3
"""Writes the replay fixture: six versions of one large, made-up company's policy
(Northwind Cloud), each a full content tree under vN/. ReplayTests publishes them in order and
checks that `policysite diff` and the diff pages report every change and nothing else.

Run from this folder: python3 generate.py. The output is committed; the script documents
what changes in each version."""
import copy, json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))

def yaml(value, indent=0):
    """A small, stable YAML writer (block style; strings always quoted)."""
    pad = "  " * indent
    if isinstance(value, dict):
        out = []
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                out.append(f"{pad}{k}:\n{yaml(v, indent + 1)}")
            else:
                out.append(f"{pad}{k}: {scalar(v)}")
        return "\n".join(out)
    if isinstance(value, list):
        out = []
        for item in value:
            if isinstance(item, dict):
                body = yaml(item, indent + 1).lstrip()
                out.append(f"{pad}- {body}")
            else:
                out.append(f"{pad}- {scalar(item)}")
        return "\n".join(out)
    return pad + scalar(value)

def scalar(v):
    if isinstance(v, bool): return "true" if v else "false"
    if isinstance(v, int): return str(v)
    if isinstance(v, dict) and not v: return "{}"
    if isinstance(v, list) and not v: return "[]"
    return json.dumps(v, ensure_ascii=False)

SUBPROCESSORS = [
    ("Atlas Hosting", "Cloud hosting", "Germany", "Germany"),
    ("Beacon Mail", "Transactional e-mail", "Ireland", "United States"),
    ("Cobalt Analytics", "Product analytics", "United States", "United States"),
    ("Delta Support", "Customer support tickets", "Netherlands", "United States"),
    ("Ember Payments", "Payment processing", "Ireland", "Ireland"),
]
# 95 more, so the recipient table has 100 rows as real subprocessor lists do.
for i in range(6, 101):
    SUBPROCESSORS.append((f"Vendor {i:03d}", f"Service component {i}", ["Germany", "France", "United States", "India"][i % 4], ["Germany", "United States", "Ireland"][i % 3]))

def v1():
    company = {
        "legal_name": "Northwind Cloud, Inc.",
        "display_name": "Northwind",
        "website": "https://northwind.example",
        "address": ["500 Harbor Street", "San Francisco, CA 94105"],
        "country": "US",
        "governing_law": {"country": "US"},
        "privacy_email": "privacy@northwind.example",
        "phone": "+1 415 555 0100",
        "dpo_not_appointed": "We do not process data at a scale that requires one; a DPO will be appointed before we serve customers in the EU.",
        "jurisdictions": ["ccpa"],
        "response_time": "30 days",
        "languages": ["en"],
        "default_language": "en",
    }
    front = {
        "title": "Privacy Statement",
        "version": "1.0",
        "effective": "2021-03-01",
        "last_updated": "2021-03-01",
        "summary": "How Northwind collects, uses and shares personal information when you use our cloud services.",
        "data_collected": [
            {"category": "Account data", "items": ["Name", "E-mail address", "Company"], "source": "provided"},
            {"category": "Usage data", "items": ["IP address", "Device identifiers", "Pages viewed"], "source": "automatic"},
            {"category": "Payment data", "items": ["Billing address", "Card type and last four digits"], "source": "provided"},
        ],
        "purposes": [
            {"purpose": "Provide and operate the service", "legal_basis": "contract"},
            {"purpose": "Secure our systems and prevent fraud", "legal_basis": "legitimate_interests", "legitimate_interest": "Keeping accounts and infrastructure safe"},
            {"purpose": "Send product news", "legal_basis": "consent"},
        ],
        "cookies": [
            {"category": "essential", "purpose": "Keep you signed in and protect forms", "legal_basis": "legitimate_interests", "cookies": [
                {"name": "nw_session", "provider": "Northwind", "purpose": "Keeps you signed in", "duration": "session"},
                {"name": "nw_csrf", "provider": "Northwind", "purpose": "Protects forms against forgery", "duration": {"until": "you sign out"}},
                {"name": "nw_oauth_state", "provider": "Northwind", "purpose": "Checks the single sign-on answer", "duration": {"until": "the sign-in completes"}},
            ]},
            {"category": "analytics", "purpose": "Understand how the service is used", "legal_basis": "consent", "cookies": [
                {"name": "_nw_a", "provider": "Cobalt Analytics", "purpose": "Counts visits", "duration": "13 months"},
                {"name": "_nw_b", "provider": "Cobalt Analytics", "purpose": "Remembers the chosen dashboard layout", "duration": {"minutes": 30}},
                {"name": "_nw_c", "provider": "Cobalt Analytics", "purpose": "Groups page views into a visit"},
            ]},
            {"category": "preferences", "purpose": "Remember your settings", "legal_basis": "consent", "cookies": [
                {"name": "nw_lang", "provider": "Northwind", "purpose": "Remembers your language", "duration": "1 year"},
            ]},
        ],
        "cookie_controls": "Use the cookie settings link in the footer, or your browser settings.",
        "retention": [
            {"data": "Account data", "period": "3 years", "after": "you close your account"},
            {"data": "Usage logs", "period": "90 days"},
            {"data": "Invoices", "criteria": "As long as tax law requires"},
        ],
        "rights": {
            "contact": "privacy@northwind.example",
            "response_time": "30 days",
            "how": "Write to us from the e-mail address of your account.",
            "items": [{"right": "access"}, {"right": "rectification"}, {"right": "erasure"}, {"right": "objection"}],
        },
        "regional_rights": [
            {"jurisdiction": "ccpa", "items": [{"right": "know"}, {"right": "delete"}, {"right": "opt_out_sale_sharing"}, {"right": "non_discrimination"}],
             "how": "Call 1-800-555-0199 or use the privacy request form.", "contact": "privacy@northwind.example", "response_time": "45 days"},
        ],
        "third_parties": [
            {"name": n, "purpose": p, "role": "processor", "processing_location": pl, "corporate_location": cl,
             **({"privacy_policy": f"https://{n.lower().replace(' ', '')}.example/privacy"} if i < 5 else {})}
            for i, (n, p, pl, cl) in enumerate(SUBPROCESSORS)
        ],
        "transfers": [
            {"destination": "Our hosting provider's data centres", "country": "US", "safeguards": "Standard contractual clauses"},
        ],
        "children_min_age": 13,
        "sells_personal_data": True,
        "data_required": "You need to give your name and e-mail address to open an account.",
        "automated_decisions": "We do not make decisions with legal effects by automated means alone.",
    }
    body = """## Who we are

Northwind Cloud, Inc. runs the Northwind service. This statement explains what personal information we handle.

## What we collect

### Account data

We collect your name and e-mail address when you sign up. We use them to run your account.

### Usage data

Our servers record how the service is used. These records help us fix errors.

## How we use data

We use personal information to provide the service. We do not use it for anything else without telling you.

## Keeping your data

We keep data only as long as we need it. The retention table lists each period.

## Your rights

You can ask us for a copy of your data. You can also ask us to correct or delete it.

## Children

The service is not meant for children. We do not knowingly collect their data.

## Contact us

Write to [our privacy team](mailto:privacy@northwind.example) or read the [security overview](https://northwind.example/security).
"""
    return company, front, body

def snapshot(name, company, front, body):
    root = os.path.join(HERE, name, "content")
    shutil.rmtree(os.path.join(HERE, name), ignore_errors=True)
    os.makedirs(os.path.join(root, "northwind", "en"))
    with open(os.path.join(root, "site.yml"), "w") as f:
        f.write('title: Replay\nbase_url: "https://policies.example.org/"\ndefault_language: en\n')
    with open(os.path.join(root, "northwind", "company.yml"), "w") as f:
        f.write(yaml(company) + "\n")
    with open(os.path.join(root, "northwind", "en", "privacy.md"), "w") as f:
        f.write("---\n" + yaml(front) + "\n---\n" + body)

def cookie(front, category):
    return next(c for c in front["cookies"] if c["category"] == category)

def party(front, name):
    return next(p for p in front["third_parties"] if p["name"] == name)

company, front, body = v1()
snapshot("v1", company, front, body)

# 1.1 — a cookie moves category, a subprocessor moves country, a transfer goes to China,
# sources and interests change, a word inside a sentence and a link target change.
front = copy.deepcopy(front)
b = next(c for c in cookie(front, "analytics")["cookies"] if c["name"] == "_nw_b")
cookie(front, "analytics")["cookies"].remove(b)
b["duration"] = {"hours": 1}
cookie(front, "preferences")["cookies"].append(b)
cobalt = party(front, "Cobalt Analytics")
cobalt.update({"corporate_location": "China", "role": "controller", "processing_location": "Singapore", "privacy_policy": "https://cobalt.example/legal/privacy"})
front["transfers"][0]["country"] = "CN"
front["transfers"][0]["safeguards"] = "Standard contractual clauses and a transfer impact assessment"
front["data_collected"][1]["source"] = "third_party"
front["data_collected"][0]["items"].append("Job title")
front["purposes"][1]["legitimate_interest"] = "Keeping accounts, payments and infrastructure safe"
front["purposes"][2]["legal_basis"] = "contract"
body = body.replace("These records help us fix errors.", "These records help us find and fix errors.")
body = body.replace("https://northwind.example/security", "https://trust.northwind.example/security")
snapshot("v2", company, front, body)

# 1.2 — a DPO is appointed (two, with postal addresses), EU and UK regimes, an EU controller and
# a UK representative; a section renamed; a ### section added; rights details change.
company = copy.deepcopy(company)
del company["dpo_not_appointed"]
company["dpo"] = [
    {"name": "Dana Ortiz", "email": "dpo@northwind.example", "address": ["500 Harbor Street", "San Francisco, CA 94105"], "country": "US", "regions": ["ccpa"]},
    {"name": "Jonas Weber", "email": "dpo-eu@northwind.example", "phone": "+49 30 5550100", "address": ["Friedrichstraße 10", "10117 Berlin"], "country": "DE", "regions": ["gdpr", "uk-gdpr"]},
]
company["jurisdictions"] = ["ccpa", "gdpr", "uk-gdpr"]
company["entities"] = [
    {"role": "controller", "legal_name": "Northwind Cloud Europe GmbH", "regions": ["gdpr", "CH"], "address": ["Friedrichstraße 10", "10117 Berlin"], "country": "DE", "email": "privacy-eu@northwind.example"},
    {"role": "representative", "legal_name": "Harbor Rep Ltd", "regions": ["uk-gdpr"], "address": ["1 King Street", "London EC2V 8AU"], "country": "GB", "email": "northwind@harborrep.example"},
]
front = copy.deepcopy(front)
front["regional_rights"].append({"jurisdiction": "gdpr", "items": [{"right": "portability"}, {"right": "restriction"}, {"right": "complaint"}]})
cookie(front, "analytics")["legal_basis"] = "legitimate_interests"
front["rights"]["contact"] = "rights@northwind.example"
front["rights"]["how"] = "Use the privacy request form, or write to us from the e-mail address of your account."
front["rights"]["response_time"] = "1 month"
body = body.replace("## Keeping your data", "## How long we keep data")
body = body.replace("We do not use it for anything else without telling you.\n", "We do not use it for anything else without telling you.\n\n### Service improvement\n\nWe study aggregated usage to decide what to build next.\n")
snapshot("v3", company, front, body)

# 1.3 — company facts change (name, address, contacts, courts, authority, registration,
# locales); policy facts change; a section moves; California rights are extended.
company = copy.deepcopy(company)
company.update({
    "legal_name": "Northwind Cloud Holdings, Inc.",
    "address": ["1 Market Plaza", "San Francisco, CA 94105"],
    "phone": "+1 415 555 0111",
    "privacy_email": "privacy-team@northwind.example",
    "website": "https://www.northwind.example",
    "governing_law": {"country": "US", "courts": "US"},
    "supervisory_authority": {"name": "Information Commissioner's Office", "country": "GB", "website": "https://ico.org.uk/"},
    "registrations": [{"jurisdiction": "uk-gdpr", "reference": "ZA123456"}],
    "response_time": "1 month",
    "locales": {"en": "en-US"},
})
front = copy.deepcopy(front)
front["title"] = "Privacy Notice"
front["summary"] = "How Northwind collects, uses, shares and protects personal information across our cloud services."
front["children_min_age"] = 16
front["sells_personal_data"] = False
front["data_required"] = "A name and an e-mail address are needed to open an account; everything else is optional."
front["automated_decisions"] = "We do not make decisions with legal or similar effects by automated means alone, and we do not profile you."
front["cookie_controls"] = "Use the cookie settings link in the footer at any time, or your browser settings."
front["retention"][0]["period"] = "2 years"
front["retention"][0]["after"] = "your account is closed"
front["retention"][2]["criteria"] = "Ten years, as commercial and tax law require"
ca = front["regional_rights"][0]
ca["items"].append({"right": "correct", "description": "Ask us to correct inaccurate personal information, including through an authorised agent."})
ca["intro"] = "If you live in California, the CCPA as amended by the CPRA gives you these rights."
ca["how"] = "Call 1-800-555-0199, use the privacy request form, or ask an authorised agent to contact us."
ca["contact"] = "california@northwind.example"
ca["response_time"] = "45 days"
# "Children" moves before "Your rights".
children = "## Children\n\nThe service is not meant for children. We do not knowingly collect their data.\n\n"
body = body.replace(children, "")
body = body.replace("## Your rights\n", children + "## Your rights\n")
snapshot("v4", company, front, body)

# 2.0 — announced on 2022-09-01, in force on 2022-10-01 (30 days later). Entities and DPOs
# change; India's DPDP Act with a grievance officer; recipients, cookies, transfers and rights
# change; a section is removed.
company = copy.deepcopy(company)
company["display_name"] = "Northwind Cloud"
company["jurisdictions"] = ["ccpa", "gdpr", "uk-gdpr", "in-dpdp"]
eu = company["entities"][0]
eu.update({"regions": ["gdpr"], "phone": "+49 30 5550199", "website": "https://eu.northwind.example", "contact_name": "Privacy Office"})
uk = company["entities"][1]
uk.update({"role": "representative", "address": ["2 Queen Street", "London EC4N 1SP"], "email": "uk@harborrep.example", "country": "GB"})
company["entities"].append({"role": "grievance_officer", "legal_name": "Northwind Cloud India Pvt Ltd", "contact_name": "Priya Raman", "regions": ["in-dpdp"], "address": ["12 MG Road", "Bengaluru 560001"], "country": "IN", "email": "grievance@northwind.example"})
company["dpo"][1]["email"] = "dpo.europe@northwind.example"
company["dpo"][1]["country"] = "DE"
company["dpo"][0]["phone"] = "+1 415 555 0122"
front = copy.deepcopy(front)
front["third_parties"] = [p for p in front["third_parties"] if p["name"] != "Delta Support"]
front["third_parties"].insert(3, {"name": "Fjord Chat", "purpose": "In-app support chat", "role": "processor", "processing_location": "Norway", "corporate_location": "Norway", "privacy_policy": "https://fjordchat.example/privacy"})
party(front, "Beacon Mail")["purpose"] = "Transactional and account e-mail"
ess = cookie(front, "essential")["cookies"]
ess[:] = [c for c in ess if c["name"] != "nw_oauth_state"]
ess.append({"name": "nw_admin", "provider": "Northwind", "purpose": "Keeps administrators signed in to the admin console", "duration": {"hours": 8}, "path": "/admin"})
ess[0]["provider"] = "Northwind Cloud"
cookie(front, "analytics")["purpose"] = "Understand how the service is used, in aggregate"
cookie(front, "analytics")["cookies"][0]["path"] = "/app"
front["transfers"][0]["destination"] = "Our hosting providers' data centres"
front["transfers"].append({"destination": "Our support team in India", "country": "IN", "safeguards": "Intra-group data transfer agreement"})
front["rights"]["items"] = [{"right": "access", "description": "Get a copy of your data in a commonly used format."}, {"right": "rectification"}, {"right": "erasure"}, {"right": "withdraw_consent"}]
front["regional_rights"].append({"jurisdiction": "in-dpdp", "items": [{"right": "grievance"}, {"right": "nominate"}], "contact": "grievance@northwind.example"})
front["data_collected"].append({"category": "Support conversations", "items": ["Messages", "Attachments"], "source": "provided"})
front["purposes"].append({"purpose": "Answer support requests", "legal_basis": "contract"})
front["retention"].append({"data": "Support conversations", "period": "18 months"})
body = body.replace("### Usage data\n\nOur servers record how the service is used. These records help us find and fix errors.\n\n", "")
snapshot("v5", company, front, body)
