#!/usr/bin/env python3
"""Synthetic corpus for the PolicySite benchmark, with an equivalent Hugo site.

    python3 bench/generate.py --companies N --languages L --out DIR --policysite BINARY [--seed S] [--versions V]

writes DIR/content/ (PolicySite format: site.yml, <slug>/company.yml, <slug>/<lang>/privacy.md,
<slug>/changelog.yml, <slug>/versions/<v>/<lang>/privacy.md) and DIR/hugo/ (a Hugo site whose pages
carry the same front matter and byte-identical Markdown bodies). Output depends only on the
arguments (no clock, no randomness outside random.Random(seed)). Standard library only, plus the
policysite binary: each changelog entry's archive_hash is what `policysite archive-hash` prints for
the version's folder (one run for the whole corpus), so the format of that hash is defined once, in
PolicySite's model.
"""

# Per-language text.

# Every list is parallel across languages: index i means the same thing in every language, so a
# generated policy and its translations say the same things (the "translations" are realisations of
# one abstract document, not machine translation).

LANGUAGES = ["en", "fr", "ar", "es", "de"]

# Sentence templates. Slots: {C} company, {np} {np2} noun phrases, {vp} purpose, {adv} adverbial,
# {actor} who handles the data.
TEMPLATES = {
    "en": [
        "We use {np} to {vp}, {adv}.",
        "{C} only shares {np} with {actor} when it is needed to {vp}.",
        "Where the law allows it, {actor} may process {np} so that we can {vp}.",
        "You can ask us at any time how we handle {np} and why we need it to {vp}.",
        "{actor} keeps {np} separate from {np2}, {adv}.",
        "We review how {actor} handles {np} every year, and we record the results of each review.",
        "When you contact us, we may combine {np} with {np2} in order to {vp}.",
        "We do not use {np} for any purpose other than to {vp}, {adv}.",
        "Access to {np} is limited to {actor}, who must keep it confidential {adv}.",
        "If we find a mistake in {np}, we correct it as soon as we can and inform {actor}.",
    ],
    "fr": [
        "Nous utilisons {np} pour {vp}, {adv}.",
        "{C} ne partage {np} avec {actor} que lorsque cela est nécessaire pour {vp}.",
        "Lorsque la loi le permet, {actor} peut traiter {np} afin que nous puissions {vp}.",
        "Vous pouvez nous demander à tout moment comment nous traitons {np} et pourquoi nous en avons besoin pour {vp}.",
        "{actor} conserve {np} à l'écart de {np2}, {adv}.",
        "Chaque année, nous vérifions la manière dont {actor} traite {np} et nous consignons les résultats de chaque contrôle.",
        "Lorsque vous nous contactez, nous pouvons rapprocher {np} et {np2} afin de {vp}.",
        "Nous n'utilisons {np} à aucune autre fin que pour {vp}, {adv}.",
        "L'accès à {np} est réservé à {actor}, qui est tenu à la confidentialité {adv}.",
        "Si nous découvrons une erreur dans {np}, nous la corrigeons dès que possible et nous en informons {actor}.",
    ],
    "ar": [
        "نستخدم {np} من أجل {vp}، {adv}.",
        "لا تشارك {C} {np} مع {actor} إلا عند الحاجة إلى ذلك من أجل {vp}.",
        "حيثما يسمح القانون بذلك، يجوز لـ{actor} معالجة {np} حتى نتمكن من {vp}.",
        "يمكنك أن تسألنا في أي وقت عن كيفية تعاملنا مع {np} وعن سبب حاجتنا إليها من أجل {vp}.",
        "يحتفظ {actor} بـ{np} بمعزل عن {np2}، {adv}.",
        "نراجع كل عام طريقة تعامل {actor} مع {np}، ونوثّق نتائج كل مراجعة.",
        "عندما تتواصل معنا، قد نجمع بين {np} و{np2} من أجل {vp}.",
        "لا نستخدم {np} لأي غرض آخر غير {vp}، {adv}.",
        "يقتصر الوصول إلى {np} على {actor}، مع الالتزام بالسرية {adv}.",
        "إذا اكتشفنا خطأً في {np}، نصححه في أقرب وقت ممكن ونبلغ {actor} بذلك.",
    ],
    "es": [
        "Utilizamos {np} para {vp}, {adv}.",
        "{C} solo comparte {np} con {actor} cuando es necesario para {vp}.",
        "Cuando la ley lo permite, {actor} puede tratar {np} para que podamos {vp}.",
        "Puede preguntarnos en cualquier momento cómo tratamos {np} y por qué lo necesitamos para {vp}.",
        "{actor} conserva {np} por separado de {np2}, {adv}.",
        "Cada año revisamos cómo {actor} trata {np} y dejamos constancia de los resultados de cada revisión.",
        "Cuando se pone en contacto con nosotros, podemos combinar {np} con {np2} para {vp}.",
        "No utilizamos {np} para ningún fin distinto de {vp}, {adv}.",
        "El acceso a {np} está limitado a {actor}, que debe mantener su confidencialidad {adv}.",
        "Si detectamos un error en {np}, lo corregimos lo antes posible e informamos a {actor}.",
    ],
    "de": [
        "Wir verwenden {np}, um {vp}, {adv}.",
        "{C} gibt {np} nur dann an {actor} weiter, wenn dies nötig ist, um {vp}.",
        "Soweit gesetzlich zulässig, kann {actor} {np} verarbeiten, um uns zu helfen, {vp}.",
        "Sie können uns jederzeit fragen, wie wir {np} verarbeiten und warum wir sie benötigen, um {vp}.",
        "{actor} speichert {np} und {np2} getrennt voneinander, {adv}.",
        "Jedes Jahr prüfen wir, wie {actor} {np} verarbeitet, und dokumentieren die Ergebnisse jeder Prüfung.",
        "Wenn Sie uns kontaktieren, können wir {np} und {np2} zusammenführen, um {vp}.",
        "Wir verwenden {np} ausschließlich, um {vp}, {adv}.",
        "Der Zugriff auf {np} ist auf {actor} beschränkt und unterliegt der Vertraulichkeit, {adv}.",
        "Fehler in den gespeicherten Angaben ({np}) berichtigen wir so bald wie möglich und informieren {actor}.",
    ],
}

NP = {
    "en": ["your contact details", "the information you give us", "your account data", "technical data about your device",
           "records of your orders", "the messages you send us", "your billing information", "data about how you use our services",
           "your preferences", "the identity documents you provide", "the logs of our systems", "your professional details",
           "the feedback you leave on our services", "information from public sources"],
    "fr": ["vos coordonnées", "toute information que vous nous transmettez", "vos données de compte", "certaines données techniques sur votre appareil",
           "l'historique de vos commandes", "vos messages", "vos informations de facturation", "vos données d'utilisation de nos services",
           "vos préférences", "vos pièces d'identité", "nos journaux système", "vos informations professionnelles",
           "vos avis sur nos services", "certaines informations issues de sources publiques"],
    "ar": ["بيانات الاتصال الخاصة بك", "المعلومات التي تقدمها لنا", "بيانات حسابك", "البيانات التقنية المتعلقة بجهازك",
           "سجل طلباتك", "الرسائل التي ترسلها إلينا", "معلومات الفوترة الخاصة بك", "بيانات استخدامك لخدماتنا",
           "تفضيلاتك", "وثائق الهوية التي تقدمها", "سجلات أنظمتنا", "بياناتك المهنية",
           "ملاحظاتك حول خدماتنا", "المعلومات المأخوذة من مصادر عامة"],
    "es": ["sus datos de contacto", "cualquier información que nos facilite", "sus datos de cuenta", "ciertos datos técnicos de su dispositivo",
           "su historial de pedidos", "sus mensajes", "sus datos de facturación", "sus datos de uso de nuestros servicios",
           "sus preferencias", "sus documentos de identidad", "nuestros registros de sistema", "sus datos profesionales",
           "sus opiniones sobre nuestros servicios", "cierta información procedente de fuentes públicas"],
    "de": ["Ihre Kontaktdaten", "die Angaben, die Sie uns machen", "Ihre Kontodaten", "technische Daten über Ihr Gerät",
           "Ihre Bestellhistorie", "Ihre Nachrichten an uns", "Ihre Rechnungsdaten", "Daten über Ihre Nutzung unserer Dienste",
           "Ihre Einstellungen", "Ihre Ausweisdokumente", "die Protokolle unserer Systeme", "Ihre beruflichen Angaben",
           "Ihr Feedback zu unseren Diensten", "Informationen aus öffentlichen Quellen"],
}

VP = {
    "en": ["provide the services you ask for", "answer your questions", "keep our platform secure", "send you invoices and receipts",
           "improve the quality of our products", "meet our legal obligations", "prevent fraud and abuse", "manage your subscription",
           "personalise your experience", "measure the performance of our websites", "train our support staff",
           "defend our rights in a dispute", "tell you about changes to our services", "plan the capacity of our infrastructure"],
    "fr": ["fournir les services que vous demandez", "répondre à vos questions", "sécuriser notre plateforme", "vous envoyer factures et reçus",
           "rendre nos produits plus fiables", "respecter nos obligations légales", "prévenir la fraude et les abus", "gérer votre abonnement",
           "personnaliser votre expérience", "mesurer les performances de nos sites", "former notre personnel d'assistance",
           "défendre nos droits en cas de litige", "vous informer des évolutions de nos services", "planifier la capacité de notre infrastructure"],
    "ar": ["تقديم الخدمات التي تطلبها", "الرد على أسئلتك", "حماية منصتنا", "إرسال الفواتير والإيصالات إليك",
           "تحسين جودة منتجاتنا", "الوفاء بالتزاماتنا القانونية", "منع الاحتيال وإساءة الاستخدام", "إدارة اشتراكك",
           "تخصيص تجربتك", "قياس أداء مواقعنا الإلكترونية", "تدريب فريق الدعم لدينا",
           "الدفاع عن حقوقنا في حال النزاع", "إبلاغك بالتغييرات في خدماتنا", "تخطيط سعة بنيتنا التحتية"],
    "es": ["prestar los servicios que solicita", "responder a sus preguntas", "proteger nuestra plataforma", "enviarle facturas y recibos",
           "mejorar la calidad de nuestros productos", "cumplir nuestras obligaciones legales", "prevenir el fraude y los abusos", "gestionar su suscripción",
           "personalizar su experiencia", "medir el rendimiento de nuestros sitios web", "formar a nuestro personal de soporte",
           "defender nuestros derechos en caso de litigio", "informarle de los cambios en nuestros servicios", "planificar la capacidad de nuestra infraestructura"],
    "de": ["die von Ihnen angefragten Dienste bereitzustellen", "Ihre Fragen zu beantworten", "unsere Plattform zu schützen", "Ihnen Rechnungen und Belege zu senden",
           "die Qualität unserer Produkte zu verbessern", "unsere gesetzlichen Pflichten zu erfüllen", "Betrug und Missbrauch zu verhindern", "Ihr Abonnement zu verwalten",
           "Ihr Nutzungserlebnis zu personalisieren", "die Leistung unserer Websites zu messen", "unser Support-Personal zu schulen",
           "unsere Rechte in einem Streitfall zu verteidigen", "Sie über Änderungen unserer Dienste zu informieren", "die Kapazität unserer Infrastruktur zu planen"],
}

ADV = {
    "en": ["for as long as the contract lasts", "where the law allows it", "in line with this policy", "under strict confidentiality",
           "only within the European Union", "after checking your identity", "unless you object", "with appropriate safeguards",
           "on the basis of a written agreement", "during normal business hours"],
    "fr": ["pendant toute la durée du contrat", "lorsque la loi l'autorise", "conformément à la présente politique", "sous une stricte confidentialité",
           "uniquement au sein de l'Union européenne", "après vérification de votre identité", "sauf si vous vous y opposez", "avec des garanties appropriées",
           "sur la base d'un accord écrit", "pendant les heures ouvrables"],
    "ar": ["طوال مدة العقد", "حيثما يسمح القانون بذلك", "وفقًا لهذه السياسة", "في إطار من السرية التامة",
           "داخل الاتحاد الأوروبي فقط", "بعد التحقق من هويتك", "ما لم تعترض على ذلك", "مع ضمانات مناسبة",
           "بناءً على اتفاق مكتوب", "خلال ساعات العمل المعتادة"],
    "es": ["mientras dure el contrato", "cuando la ley lo permite", "de acuerdo con esta política", "bajo estricta confidencialidad",
           "solo dentro de la Unión Europea", "tras verificar su identidad", "salvo que usted se oponga", "con las garantías adecuadas",
           "sobre la base de un acuerdo escrito", "en horario laboral"],
    "de": ["solange der Vertrag besteht", "soweit das Gesetz es erlaubt", "im Einklang mit dieser Erklärung", "unter strikter Vertraulichkeit",
           "ausschließlich innerhalb der Europäischen Union", "nach Prüfung Ihrer Identität", "sofern Sie nicht widersprechen", "mit geeigneten Garantien",
           "auf Grundlage einer schriftlichen Vereinbarung", "während der üblichen Geschäftszeiten"],
}

ACTOR = {
    "en": ["our support team", "our hosting provider", "our accounting department", "our payment processor",
           "our security team", "authorised employees", "our subcontractors", "our legal advisers"],
    "fr": ["notre équipe d'assistance", "notre hébergeur", "notre service comptable", "notre prestataire de paiement",
           "notre équipe de sécurité", "nos salariés habilités", "nos sous-traitants", "nos conseils juridiques"],
    "ar": ["فريق الدعم لدينا", "مزود الاستضافة لدينا", "قسم المحاسبة لدينا", "مزود خدمات الدفع",
           "فريق الأمن لدينا", "الموظفين المخولين", "المتعاقدين من الباطن معنا", "مستشارينا القانونيين"],
    "es": ["nuestro equipo de soporte", "nuestro proveedor de alojamiento", "nuestro departamento de contabilidad", "nuestro proveedor de pagos",
           "nuestro equipo de seguridad", "nuestros empleados autorizados", "nuestros subcontratistas", "nuestros asesores jurídicos"],
    "de": ["unser Support-Team", "unser Rechenzentrum", "unsere Buchhaltung", "unsere Zahlungsdienstleister",
           "unsere Sicherheitsabteilung", "unsere befugten Mitarbeitenden", "unsere Unterauftragnehmer", "unsere Rechtsberater"],
}

# Body sections: key, explicit heading id (a PolicySite section claim or a plain anchor), heading.
SECTION_KEYS = ["intro", "about", "data", "use", "bases", "cookies", "sharing", "transfers", "retention",
                "security", "rights", "children", "automated", "changes", "contact"]
SECTION_IDS = {"data": "data-collected", "use": "purposes", "cookies": "cookies", "sharing": "third-parties",
               "transfers": "transfers", "retention": "retention", "security": "security", "rights": "rights",
               "children": "children", "contact": "contact"}
HEADINGS = {
    "en": ["Introduction", "About {C}", "Information we collect", "How we use information", "Legal bases for processing",
           "Cookies and similar technologies", "Who we share data with", "International transfers", "How long we keep data",
           "How we protect data", "Your rights", "Children", "Automated decisions", "Changes to this policy", "Contact us"],
    "fr": ["Introduction", "À propos de {C}", "Informations que nous collectons", "Utilisation des informations", "Bases légales du traitement",
           "Cookies et technologies similaires", "Partage des données", "Transferts internationaux", "Durée de conservation",
           "Sécurité des données", "Vos droits", "Enfants", "Décisions automatisées", "Modifications de cette politique", "Nous contacter"],
    "ar": ["مقدمة", "نبذة عن {C}", "المعلومات التي نجمعها", "كيف نستخدم المعلومات", "الأسس القانونية للمعالجة",
           "ملفات تعريف الارتباط والتقنيات المشابهة", "الجهات التي نشارك البيانات معها", "عمليات النقل الدولية", "مدة الاحتفاظ بالبيانات",
           "كيف نحمي البيانات", "حقوقك", "الأطفال", "القرارات الآلية", "التغييرات على هذه السياسة", "اتصل بنا"],
    "es": ["Introducción", "Acerca de {C}", "Información que recopilamos", "Cómo usamos la información", "Bases jurídicas del tratamiento",
           "Cookies y tecnologías similares", "Con quién compartimos los datos", "Transferencias internacionales", "Cuánto tiempo conservamos los datos",
           "Cómo protegemos los datos", "Sus derechos", "Menores", "Decisiones automatizadas", "Cambios en esta política", "Contacto"],
    "de": ["Einleitung", "Über {C}", "Welche Daten wir erheben", "Wie wir Daten verwenden", "Rechtsgrundlagen der Verarbeitung",
           "Cookies und ähnliche Technologien", "Weitergabe von Daten", "Internationale Übermittlungen", "Speicherdauer",
           "Datensicherheit", "Ihre Rechte", "Kinder", "Automatisierte Entscheidungen", "Änderungen dieser Erklärung", "Kontakt"],
}

# Fixed sentences of particular sections. {links} etc. are filled by the generator.
FIXED = {
    "en": {
        "intro": "{L} (\"{C}\", \"we\") respects your privacy. This policy explains which personal data we collect, why we collect it, how long we keep it and how you can exercise your rights.",
        "about": "{L} is registered in {country}. Our [contact page](#contact) lists our postal address, our e-mail address and, where we have one, our data protection officer.",
        "data_list": "We collect the following kinds of personal data:",
        "purpose_list": "We process this information to:",
        "table_head": ["Purpose", "Legal basis"],
        "cookies_cats": "We use {cats} on our websites and in our applications.",
        "cookies_link": "Each of them is described, with its provider and lifetime, on the [cookies page](#cookies).",
        "sharing_list": "The service providers we work with include:",
        "retention": "The table in this section gives each retention period. Read [how we protect data](#security) while we keep it.",
        "rights": "You can read what each right means on [your rights](#rights), or write to [{email}](mailto:{email}).",
        "contact": "Questions about this policy can be sent to [{email}](mailto:{email}). You may also lodge a complaint with [{authority}]({authority_url}).",
        "and": " and ",
        "policy_of": "Privacy policy of the {C} provider",
    },
    "fr": {
        "intro": "{L} (« {C} », « nous ») respecte votre vie privée. La présente politique explique quelles données personnelles nous collectons, pourquoi, combien de temps nous les conservons et comment exercer vos droits.",
        "about": "{L} est immatriculée en {country}. Notre [page de contact](#contact) indique notre adresse postale, notre adresse électronique et, le cas échéant, notre délégué à la protection des données.",
        "data_list": "Nous collectons les catégories de données personnelles suivantes :",
        "purpose_list": "Nous traitons ces informations pour :",
        "table_head": ["Finalité", "Base légale"],
        "cookies_cats": "Nous utilisons des {cats} sur nos sites et dans nos applications.",
        "cookies_link": "Chacun d'eux est décrit, avec son fournisseur et sa durée de vie, sur la [page des cookies](#cookies).",
        "sharing_list": "Parmi nos prestataires figurent :",
        "retention": "Le tableau de cette section indique chaque durée de conservation. Voir aussi [la sécurité des données](#security) pendant cette durée.",
        "rights": "La page [vos droits](#rights) explique chacun d'eux ; vous pouvez aussi écrire à [{email}](mailto:{email}).",
        "contact": "Vos questions sur cette politique peuvent être adressées à [{email}](mailto:{email}). Vous pouvez aussi saisir [{authority}]({authority_url}).",
        "and": " et ",
        "policy_of": "Politique de confidentialité du prestataire {C}",
    },
    "ar": {
        "intro": "تحترم {L} (\"{C}\" أو \"نحن\") خصوصيتك. توضح هذه السياسة البيانات الشخصية التي نجمعها وسبب جمعها ومدة الاحتفاظ بها وكيفية ممارسة حقوقك.",
        "about": "{L} مسجلة في {country}. تتضمن [صفحة الاتصال](#contact) عنواننا البريدي وبريدنا الإلكتروني ومسؤول حماية البيانات إن وُجد.",
        "data_list": "نجمع الأنواع التالية من البيانات الشخصية:",
        "purpose_list": "نعالج هذه المعلومات من أجل:",
        "table_head": ["الغرض", "الأساس القانوني"],
        "cookies_cats": "نستخدم {cats} على مواقعنا الإلكترونية وفي تطبيقاتنا.",
        "cookies_link": "يرد وصف كل منها، مع الجهة المزودة ومدة صلاحيتها، في [صفحة ملفات تعريف الارتباط](#cookies).",
        "sharing_list": "من بين مزودي الخدمات الذين نتعامل معهم:",
        "retention": "يبين الجدول في هذا القسم كل مدة احتفاظ. اطلع أيضًا على [كيفية حماية البيانات](#security) خلال هذه المدة.",
        "rights": "تشرح صفحة [حقوقك](#rights) كل حق منها، ويمكنك أيضًا الكتابة إلى [{email}](mailto:{email}).",
        "contact": "يمكن إرسال الأسئلة المتعلقة بهذه السياسة إلى [{email}](mailto:{email}). ويمكنك أيضًا تقديم شكوى إلى [{authority}]({authority_url}).",
        "and": " و",
        "policy_of": "سياسة الخصوصية لدى المزود {C}",
    },
    "es": {
        "intro": "{L} («{C}», «nosotros») respeta su privacidad. Esta política explica qué datos personales recopilamos, por qué, durante cuánto tiempo los conservamos y cómo puede ejercer sus derechos.",
        "about": "{L} está registrada en {country}. Nuestra [página de contacto](#contact) indica nuestra dirección postal, nuestro correo electrónico y, en su caso, nuestro delegado de protección de datos.",
        "data_list": "Recopilamos los siguientes tipos de datos personales:",
        "purpose_list": "Tratamos esta información para:",
        "table_head": ["Finalidad", "Base jurídica"],
        "cookies_cats": "Utilizamos {cats} en nuestros sitios web y aplicaciones.",
        "cookies_link": "Cada una se describe, con su proveedor y su duración, en la [página de cookies](#cookies).",
        "sharing_list": "Entre los proveedores con los que trabajamos están:",
        "retention": "La tabla de esta sección indica cada plazo de conservación. Consulte también [cómo protegemos los datos](#security) durante ese tiempo.",
        "rights": "La página [sus derechos](#rights) explica cada uno de ellos; también puede escribir a [{email}](mailto:{email}).",
        "contact": "Puede enviar sus preguntas sobre esta política a [{email}](mailto:{email}). También puede presentar una reclamación ante [{authority}]({authority_url}).",
        "and": " y ",
        "policy_of": "Política de privacidad del proveedor {C}",
    },
    "de": {
        "intro": "{L} („{C}“, „wir“) achtet Ihre Privatsphäre. Diese Erklärung beschreibt, welche personenbezogenen Daten wir erheben, warum, wie lange wir sie speichern und wie Sie Ihre Rechte ausüben.",
        "about": "{L} ist in {country} eingetragen. Auf unserer [Kontaktseite](#contact) finden Sie unsere Postanschrift, unsere E-Mail-Adresse und gegebenenfalls unseren Datenschutzbeauftragten.",
        "data_list": "Wir erheben folgende Arten personenbezogener Daten:",
        "purpose_list": "Wir verarbeiten diese Daten, um:",
        "table_head": ["Zweck", "Rechtsgrundlage"],
        "cookies_cats": "Wir setzen {cats} auf unseren Websites und in unseren Anwendungen ein.",
        "cookies_link": "Jedes davon wird mit Anbieter und Laufzeit auf der [Cookie-Seite](#cookies) beschrieben.",
        "sharing_list": "Zu unseren Dienstleistern gehören:",
        "retention": "Die Tabelle in diesem Abschnitt nennt jede Speicherdauer. Lesen Sie auch, [wie wir Daten schützen](#security), solange wir sie speichern.",
        "rights": "Was jedes Recht bedeutet, steht unter [Ihre Rechte](#rights); Sie können auch an [{email}](mailto:{email}) schreiben.",
        "contact": "Fragen zu dieser Erklärung richten Sie bitte an [{email}](mailto:{email}). Sie können sich auch bei [{authority}]({authority_url}) beschweren.",
        "and": " und ",
        "policy_of": "Datenschutzerklärung des Anbieters {C}",
    },
}

# First phrase of `cookie_prose.<id>` in themes/default/i18n/<lang>.yml: how the prose names a
# category, so `check` sees the prose and the cookie table agree.
COOKIE_PROSE = {
    "en": {"essential": "essential cookies", "analytics": "analytics cookies", "preferences": "preference cookies", "marketing": "marketing cookies"},
    "fr": {"essential": "cookies essentiels", "analytics": "cookies de mesure d'audience", "preferences": "cookies de préférences", "marketing": "cookies marketing"},
    "ar": {"essential": "ملفات تعريف الارتباط الضرورية", "analytics": "ملفات تعريف الارتباط التحليلية", "preferences": "ملفات تعريف الارتباط الخاصة بالتفضيلات", "marketing": "ملفات تعريف الارتباط التسويقية"},
    "es": {"essential": "cookies esenciales", "analytics": "cookies analíticas", "preferences": "cookies de preferencias", "marketing": "cookies de marketing"},
    "de": {"essential": "notwendige Cookies", "analytics": "Analyse-Cookies", "preferences": "Präferenz-Cookies", "marketing": "Marketing-Cookies"},
}

TITLE = {"en": "Privacy Policy", "fr": "Politique de confidentialité", "ar": "سياسة الخصوصية",
         "es": "Política de privacidad", "de": "Datenschutzerklärung"}

SUMMARY = {
    "en": "{C} explains here which personal data it collects, why, how long it keeps it and how you can exercise your rights. We never sell personal data.",
    "fr": "{C} explique ici quelles données personnelles elle collecte, pourquoi, combien de temps elle les conserve et comment exercer vos droits. Nous ne vendons jamais de données personnelles.",
    "ar": "توضح {C} هنا البيانات الشخصية التي تجمعها وسبب جمعها ومدة الاحتفاظ بها وكيف يمكنك ممارسة حقوقك. نحن لا نبيع البيانات الشخصية أبدًا.",
    "es": "{C} explica aquí qué datos personales recopila, por qué, cuánto tiempo los conserva y cómo puede ejercer sus derechos. Nunca vendemos datos personales.",
    "de": "{C} erklärt hier, welche personenbezogenen Daten erhoben werden, warum, wie lange sie gespeichert werden und wie Sie Ihre Rechte ausüben. Wir verkaufen niemals personenbezogene Daten.",
}

# (category, items, source)
DATA_COLLECTED = {
    "en": [("Identity and contact data", ["Name", "Email address", "Phone number", "Postal address"], "provided"),
           ("Account data", ["Username", "Password hash", "Subscription plan", "Settings"], "provided"),
           ("Technical data", ["IP address", "Browser type", "Device identifiers", "Connection times"], "automatic"),
           ("Payment data", ["Billing address", "Last four card digits", "Invoice history"], "provided"),
           ("Data from partners", ["Company name", "Job title", "Industry"], "third_party")],
    "fr": [("Données d'identité et de contact", ["Nom", "Adresse électronique", "Numéro de téléphone", "Adresse postale"], "provided"),
           ("Données de compte", ["Identifiant", "Empreinte du mot de passe", "Formule d'abonnement", "Réglages"], "provided"),
           ("Données techniques", ["Adresse IP", "Type de navigateur", "Identifiants de l'appareil", "Heures de connexion"], "automatic"),
           ("Données de paiement", ["Adresse de facturation", "Quatre derniers chiffres de la carte", "Historique des factures"], "provided"),
           ("Données transmises par des partenaires", ["Nom de l'entreprise", "Fonction", "Secteur d'activité"], "third_party")],
    "ar": [("بيانات الهوية والاتصال", ["الاسم", "عنوان البريد الإلكتروني", "رقم الهاتف", "العنوان البريدي"], "provided"),
           ("بيانات الحساب", ["اسم المستخدم", "بصمة كلمة المرور", "خطة الاشتراك", "الإعدادات"], "provided"),
           ("البيانات التقنية", ["عنوان IP", "نوع المتصفح", "معرّفات الجهاز", "أوقات الاتصال"], "automatic"),
           ("بيانات الدفع", ["عنوان الفوترة", "آخر أربعة أرقام من البطاقة", "سجل الفواتير"], "provided"),
           ("بيانات من الشركاء", ["اسم الشركة", "المسمى الوظيفي", "القطاع"], "third_party")],
    "es": [("Datos de identidad y contacto", ["Nombre", "Correo electrónico", "Número de teléfono", "Dirección postal"], "provided"),
           ("Datos de la cuenta", ["Nombre de usuario", "Hash de la contraseña", "Plan de suscripción", "Ajustes"], "provided"),
           ("Datos técnicos", ["Dirección IP", "Tipo de navegador", "Identificadores del dispositivo", "Horas de conexión"], "automatic"),
           ("Datos de pago", ["Dirección de facturación", "Últimos cuatro dígitos de la tarjeta", "Historial de facturas"], "provided"),
           ("Datos de socios", ["Nombre de la empresa", "Cargo", "Sector"], "third_party")],
    "de": [("Identitäts- und Kontaktdaten", ["Name", "E-Mail-Adresse", "Telefonnummer", "Postanschrift"], "provided"),
           ("Kontodaten", ["Benutzername", "Passwort-Hash", "Abonnement", "Einstellungen"], "provided"),
           ("Technische Daten", ["IP-Adresse", "Browsertyp", "Gerätekennungen", "Verbindungszeiten"], "automatic"),
           ("Zahlungsdaten", ["Rechnungsanschrift", "Letzte vier Kartenziffern", "Rechnungsverlauf"], "provided"),
           ("Daten von Partnern", ["Firmenname", "Funktion", "Branche"], "third_party")],
}

# (purpose, legal_basis, legitimate_interest or None)
PURPOSES = {
    "en": [("Provide and operate the services", "contract", None),
           ("Bill customers and keep accounts", "legal_obligation", None),
           ("Keep the services secure", "legitimate_interests", "Protecting our systems and users against abuse"),
           ("Measure and improve the services", "consent", None),
           ("Send news about our products", "consent", None),
           ("Answer requests and complaints", "contract", None),
           ("Meet requests from authorities", "legal_obligation", None)],
    "fr": [("Fournir et exploiter les services", "contract", None),
           ("Facturer les clients et tenir la comptabilité", "legal_obligation", None),
           ("Assurer la sécurité des services", "legitimate_interests", "Protéger nos systèmes et nos utilisateurs contre les abus"),
           ("Mesurer et améliorer les services", "consent", None),
           ("Envoyer des nouvelles sur nos produits", "consent", None),
           ("Répondre aux demandes et réclamations", "contract", None),
           ("Répondre aux demandes des autorités", "legal_obligation", None)],
    "ar": [("تقديم الخدمات وتشغيلها", "contract", None),
           ("إصدار الفواتير للعملاء ومسك الحسابات", "legal_obligation", None),
           ("الحفاظ على أمن الخدمات", "legitimate_interests", "حماية أنظمتنا ومستخدمينا من إساءة الاستخدام"),
           ("قياس الخدمات وتحسينها", "consent", None),
           ("إرسال أخبار عن منتجاتنا", "consent", None),
           ("الرد على الطلبات والشكاوى", "contract", None),
           ("الاستجابة لطلبات السلطات", "legal_obligation", None)],
    "es": [("Prestar y operar los servicios", "contract", None),
           ("Facturar a los clientes y llevar la contabilidad", "legal_obligation", None),
           ("Mantener la seguridad de los servicios", "legitimate_interests", "Proteger nuestros sistemas y usuarios frente a abusos"),
           ("Medir y mejorar los servicios", "consent", None),
           ("Enviar novedades sobre nuestros productos", "consent", None),
           ("Atender solicitudes y reclamaciones", "contract", None),
           ("Atender requerimientos de las autoridades", "legal_obligation", None)],
    "de": [("Bereitstellung und Betrieb der Dienste", "contract", None),
           ("Abrechnung und Buchhaltung", "legal_obligation", None),
           ("Sicherheit der Dienste", "legitimate_interests", "Schutz unserer Systeme und Nutzer vor Missbrauch"),
           ("Messung und Verbesserung der Dienste", "consent", None),
           ("Versand von Neuigkeiten zu unseren Produkten", "consent", None),
           ("Bearbeitung von Anfragen und Beschwerden", "contract", None),
           ("Erfüllung behördlicher Anfragen", "legal_obligation", None)],
}

CATEGORY_PURPOSE = {
    "en": {"essential": "Make the site work and keep sessions secure", "analytics": "Count visits and understand how the site is used",
           "preferences": "Remember your choices, such as language", "marketing": "Measure campaigns and show relevant advertising"},
    "fr": {"essential": "Faire fonctionner le site et sécuriser les sessions", "analytics": "Compter les visites et comprendre l'usage du site",
           "preferences": "Mémoriser vos choix, comme la langue", "marketing": "Mesurer les campagnes et afficher des publicités pertinentes"},
    "ar": {"essential": "تشغيل الموقع وتأمين الجلسات", "analytics": "إحصاء الزيارات وفهم طريقة استخدام الموقع",
           "preferences": "تذكر اختياراتك مثل اللغة", "marketing": "قياس الحملات وعرض إعلانات ملائمة"},
    "es": {"essential": "Hacer funcionar el sitio y proteger las sesiones", "analytics": "Contar las visitas y entender el uso del sitio",
           "preferences": "Recordar sus elecciones, como el idioma", "marketing": "Medir campañas y mostrar publicidad relevante"},
    "de": {"essential": "Betrieb der Website und sichere Sitzungen", "analytics": "Besuche zählen und die Nutzung der Website verstehen",
           "preferences": "Ihre Auswahl speichern, etwa die Sprache", "marketing": "Kampagnen messen und passende Werbung zeigen"},
}
CATEGORY_BASIS = {"essential": "legitimate_interests", "analytics": "consent", "preferences": "consent", "marketing": "consent"}

COOKIE_PURPOSES = {
    "en": {"essential": ["Keeps you signed in", "Protects forms against forgery", "Balances traffic between servers"],
           "analytics": ["Tells visitors apart", "Counts page views", "Records the length of a visit"],
           "preferences": ["Remembers your language", "Remembers your display settings", "Remembers your region"],
           "marketing": ["Measures the results of campaigns", "Shows ads on other sites", "Limits how often an ad is shown"]},
    "fr": {"essential": ["Maintient votre connexion", "Protège les formulaires contre la falsification", "Répartit le trafic entre les serveurs"],
           "analytics": ["Distingue les visiteurs", "Compte les pages vues", "Mesure la durée d'une visite"],
           "preferences": ["Mémorise votre langue", "Mémorise vos réglages d'affichage", "Mémorise votre région"],
           "marketing": ["Mesure les résultats des campagnes", "Affiche des publicités sur d'autres sites", "Limite la répétition d'une publicité"]},
    "ar": {"essential": ["يبقيك مسجلًا للدخول", "يحمي النماذج من التزوير", "يوزع الحركة بين الخوادم"],
           "analytics": ["يميز بين الزوار", "يحصي مشاهدات الصفحات", "يسجل مدة الزيارة"],
           "preferences": ["يتذكر لغتك", "يتذكر إعدادات العرض", "يتذكر منطقتك"],
           "marketing": ["يقيس نتائج الحملات", "يعرض إعلانات على مواقع أخرى", "يحد من تكرار عرض الإعلان"]},
    "es": {"essential": ["Mantiene su sesión iniciada", "Protege los formularios contra la falsificación", "Reparte el tráfico entre servidores"],
           "analytics": ["Distingue a los visitantes", "Cuenta las páginas vistas", "Registra la duración de la visita"],
           "preferences": ["Recuerda su idioma", "Recuerda sus ajustes de visualización", "Recuerda su región"],
           "marketing": ["Mide los resultados de las campañas", "Muestra anuncios en otros sitios", "Limita la repetición de un anuncio"]},
    "de": {"essential": ["Hält Sie angemeldet", "Schützt Formulare vor Fälschung", "Verteilt die Last auf die Server"],
           "analytics": ["Unterscheidet Besucher", "Zählt Seitenaufrufe", "Misst die Dauer eines Besuchs"],
           "preferences": ["Speichert Ihre Sprache", "Speichert Ihre Anzeigeeinstellungen", "Speichert Ihre Region"],
           "marketing": ["Misst den Erfolg von Kampagnen", "Zeigt Werbung auf anderen Websites", "Begrenzt, wie oft eine Anzeige erscheint"]},
}

COOKIE_CONTROLS = {
    "en": "You can accept or refuse non-essential cookies in the consent banner and change your choice at any time from the link in the footer. Your browser can also block or delete cookies.",
    "fr": "Vous pouvez accepter ou refuser les cookies non essentiels dans le bandeau de consentement et modifier votre choix à tout moment depuis le lien en bas de page. Votre navigateur permet aussi de bloquer ou de supprimer les cookies.",
    "ar": "يمكنك قبول ملفات تعريف الارتباط غير الضرورية أو رفضها من لافتة الموافقة، وتغيير اختيارك في أي وقت من الرابط في أسفل الصفحة. ويمكن لمتصفحك أيضًا حظرها أو حذفها.",
    "es": "Puede aceptar o rechazar las cookies no esenciales en el banner de consentimiento y cambiar su elección en cualquier momento desde el enlace del pie de página. Su navegador también puede bloquear o eliminar las cookies.",
    "de": "Sie können nicht notwendige Cookies im Einwilligungsbanner annehmen oder ablehnen und Ihre Wahl jederzeit über den Link in der Fußzeile ändern. Ihr Browser kann Cookies auch blockieren oder löschen.",
}

# (data, after event or None)
RETENTION = {
    "en": [("Account data", "the account is closed"), ("Invoices and accounting records", "the end of the financial year"),
           ("Support messages", "the request is closed"), ("Server logs", None), ("Marketing preferences", "your last interaction with us"),
           ("Job applications", "the recruitment ends")],
    "fr": [("Données de compte", "la clôture du compte"), ("Factures et pièces comptables", "la fin de l'exercice"),
           ("Messages d'assistance", "la clôture de la demande"), ("Journaux des serveurs", None), ("Préférences marketing", "votre dernière interaction avec nous"),
           ("Candidatures", "la fin du recrutement")],
    "ar": [("بيانات الحساب", "إغلاق الحساب"), ("الفواتير والسجلات المحاسبية", "نهاية السنة المالية"),
           ("رسائل الدعم", "إغلاق الطلب"), ("سجلات الخوادم", None), ("تفضيلات التسويق", "آخر تفاعل لك معنا"),
           ("طلبات التوظيف", "انتهاء عملية التوظيف")],
    "es": [("Datos de la cuenta", "el cierre de la cuenta"), ("Facturas y registros contables", "el final del ejercicio"),
           ("Mensajes de soporte", "el cierre de la solicitud"), ("Registros de los servidores", None), ("Preferencias de marketing", "su última interacción con nosotros"),
           ("Candidaturas", "el final del proceso de selección")],
    "de": [("Kontodaten", "der Schließung des Kontos"), ("Rechnungen und Buchungsbelege", "dem Ende des Geschäftsjahres"),
           ("Support-Nachrichten", "dem Abschluss der Anfrage"), ("Serverprotokolle", None), ("Marketing-Einstellungen", "Ihrer letzten Interaktion mit uns"),
           ("Bewerbungen", "dem Ende des Auswahlverfahrens")],
}
RETENTION_CRITERIA = {
    "en": "As long as needed to resolve disputes and enforce our agreements",
    "fr": "Aussi longtemps que nécessaire pour régler les litiges et faire respecter nos accords",
    "ar": "طالما كان ذلك ضروريًا لتسوية النزاعات وتنفيذ اتفاقاتنا",
    "es": "Mientras sea necesario para resolver disputas y hacer cumplir nuestros acuerdos",
    "de": "So lange, wie es zur Beilegung von Streitigkeiten und zur Durchsetzung unserer Vereinbarungen nötig ist",
}
RETENTION_CRITERIA_DATA = {"en": "Dispute files", "fr": "Dossiers contentieux", "ar": "ملفات النزاعات", "es": "Expedientes de litigios", "de": "Streitfallakten"}

RIGHTS_HOW = {
    "en": "Send your request by e-mail with the subject \"Privacy request\". We may ask you to prove your identity before we answer.",
    "fr": "Envoyez votre demande par courrier électronique avec l'objet « Demande vie privée ». Nous pouvons vous demander de justifier de votre identité avant de répondre.",
    "ar": "أرسل طلبك بالبريد الإلكتروني مع عنوان \"طلب خصوصية\". قد نطلب منك إثبات هويتك قبل الرد.",
    "es": "Envíe su solicitud por correo electrónico con el asunto «Solicitud de privacidad». Podemos pedirle que acredite su identidad antes de responder.",
    "de": "Senden Sie Ihre Anfrage per E-Mail mit dem Betreff „Datenschutzanfrage“. Wir können Sie bitten, Ihre Identität nachzuweisen, bevor wir antworten.",
}
RIGHT_DESCRIPTIONS_EN = {
    "access": "Ask for a copy of the personal data we hold about you.",
    "rectification": "Ask us to correct data that is wrong or incomplete.",
    "erasure": "Ask us to delete your data when we no longer need it.",
    "restriction": "Ask us to pause the use of your data while a question is settled.",
    "portability": "Receive the data you gave us in a machine-readable format.",
    "objection": "Object to processing based on our legitimate interests.",
    "withdraw_consent": "Withdraw your consent at any time, without affecting earlier processing.",
    "complaint": "Complain to the supervisory authority.",
    "opt_out": "Stop receiving marketing messages.",
    "account_closure": "Close your account and have its data deleted.",
}
RIGHT_IDS = list(RIGHT_DESCRIPTIONS_EN)

THIRD_PARTY_PURPOSES = {
    "en": ["Hosting of the services", "Payment processing", "Sending e-mails", "Customer support tools", "Website analytics", "Content delivery and protection"],
    "fr": ["Hébergement des services", "Traitement des paiements", "Envoi de courriers électroniques", "Outils d'assistance client", "Mesure d'audience", "Diffusion et protection du contenu"],
    "ar": ["استضافة الخدمات", "معالجة المدفوعات", "إرسال رسائل البريد الإلكتروني", "أدوات دعم العملاء", "تحليلات الموقع", "توزيع المحتوى وحمايته"],
    "es": ["Alojamiento de los servicios", "Procesamiento de pagos", "Envío de correos electrónicos", "Herramientas de atención al cliente", "Analítica web", "Distribución y protección del contenido"],
    "de": ["Hosting der Dienste", "Zahlungsabwicklung", "E-Mail-Versand", "Kundensupport-Werkzeuge", "Webanalyse", "Auslieferung und Schutz der Inhalte"],
}
# (name, purpose index, role, country, privacy policy URL)
PROVIDERS = [
    ("Amazon Web Services EMEA SARL", 0, "processor", "IE", "https://aws.amazon.com/privacy/"),
    ("OVH SAS", 0, "processor", "FR", "https://www.ovhcloud.com/en/personal-data-protection/"),
    ("Hetzner Online GmbH", 0, "processor", "DE", "https://www.hetzner.com/legal/privacy-policy/"),
    ("Stripe Payments Europe Ltd", 1, "processor", "IE", "https://stripe.com/privacy"),
    ("Adyen N.V.", 1, "processor", "NL", "https://www.adyen.com/policies-and-disclaimer/privacy-policy"),
    ("Brevo (Sendinblue SAS)", 2, "processor", "FR", "https://www.brevo.com/legal/privacypolicy/"),
    ("Mailjet SAS", 2, "processor", "FR", "https://www.mailjet.com/legal/privacy-policy/"),
    ("Zendesk, Inc.", 3, "processor", "US", "https://www.zendesk.com/company/agreements-and-terms/privacy-notice/"),
    ("Freshworks Inc.", 3, "processor", "US", "https://www.freshworks.com/privacy/"),
    ("Google Ireland Limited", 4, "controller", "IE", "https://policies.google.com/privacy"),
    ("InnoCraft Ltd (Matomo)", 4, "processor", "NZ", "https://matomo.org/privacy-policy/"),
    ("Cloudflare, Inc.", 5, "processor", "US", "https://www.cloudflare.com/privacypolicy/"),
]
COUNTRY_NAMES = {
    "IE": {"en": "Ireland", "fr": "Irlande", "ar": "أيرلندا", "es": "Irlanda", "de": "Irland"},
    "FR": {"en": "France", "fr": "France", "ar": "فرنسا", "es": "Francia", "de": "Frankreich"},
    "DE": {"en": "Germany", "fr": "Allemagne", "ar": "ألمانيا", "es": "Alemania", "de": "Deutschland"},
    "NL": {"en": "Netherlands", "fr": "Pays-Bas", "ar": "هولندا", "es": "Países Bajos", "de": "Niederlande"},
    "US": {"en": "United States", "fr": "États-Unis", "ar": "الولايات المتحدة", "es": "Estados Unidos", "de": "Vereinigte Staaten"},
    "NZ": {"en": "New Zealand", "fr": "Nouvelle-Zélande", "ar": "نيوزيلندا", "es": "Nueva Zelanda", "de": "Neuseeland"},
    "MA": {"en": "Morocco", "fr": "Maroc", "ar": "المغرب", "es": "Marruecos", "de": "Marokko"},
    "TN": {"en": "Tunisia", "fr": "Tunisie", "ar": "تونس", "es": "Túnez", "de": "Tunesien"},
    "ES": {"en": "Spain", "fr": "Espagne", "ar": "إسبانيا", "es": "España", "de": "Spanien"},
    "BE": {"en": "Belgium", "fr": "Belgique", "ar": "بلجيكا", "es": "Bélgica", "de": "Belgien"},
}
TRANSFER_DESTINATION = {
    "en": "Servers of {P}", "fr": "Serveurs de {P}", "ar": "خوادم {P}", "es": "Servidores de {P}", "de": "Server von {P}",
}
TRANSFER_SAFEGUARDS = {
    "en": "Standard contractual clauses approved by the European Commission",
    "fr": "Clauses contractuelles types approuvées par la Commission européenne",
    "ar": "البنود التعاقدية النموذجية المعتمدة من المفوضية الأوروبية",
    "es": "Cláusulas contractuales tipo aprobadas por la Comisión Europea",
    "de": "Von der Europäischen Kommission genehmigte Standardvertragsklauseln",
}
DATA_REQUIRED = {
    "en": "You must give us your contact and billing details to sign a contract; without them we cannot provide the services. Everything else is optional.",
    "fr": "Vos coordonnées et informations de facturation sont nécessaires à la conclusion du contrat ; sans elles, nous ne pouvons pas fournir les services. Le reste est facultatif.",
    "ar": "يجب تزويدنا ببيانات الاتصال والفوترة لإبرام العقد، ومن دونها لا يمكننا تقديم الخدمات. أما باقي البيانات فاختياري.",
    "es": "Debe facilitarnos sus datos de contacto y facturación para firmar un contrato; sin ellos no podemos prestar los servicios. Lo demás es opcional.",
    "de": "Für einen Vertragsabschluss benötigen wir Ihre Kontakt- und Rechnungsdaten; ohne sie können wir die Dienste nicht erbringen. Alles andere ist freiwillig.",
}
AUTOMATED = {
    "en": "We do not make decisions with legal or similarly significant effects based solely on automated processing.",
    "fr": "Nous ne prenons aucune décision produisant des effets juridiques ou similaires sur le seul fondement d'un traitement automatisé.",
    "ar": "لا نتخذ أي قرارات ذات آثار قانونية أو آثار مماثلة بناءً على المعالجة الآلية وحدها.",
    "es": "No tomamos decisiones con efectos jurídicos o similares basadas únicamente en un tratamiento automatizado.",
    "de": "Wir treffen keine Entscheidungen mit rechtlicher oder ähnlich erheblicher Wirkung, die ausschließlich auf automatisierter Verarbeitung beruhen.",
}
CHANGELOG_FIRST = {"en": "First published version.", "fr": "Première version publiée.", "ar": "أول نسخة منشورة.",
                   "es": "Primera versión publicada.", "de": "Erste veröffentlichte Fassung."}
CHANGELOG_NEXT = {
    "en": "Added the {cookie} cookie and changed the retention period for {data}.",
    "fr": "Ajout du cookie {cookie} et modification de la durée de conservation : {data}.",
    "ar": "إضافة ملف تعريف الارتباط {cookie} وتعديل مدة الاحتفاظ: {data}.",
    "es": "Se añade la cookie {cookie} y se modifica el plazo de conservación: {data}.",
    "de": "Cookie {cookie} ergänzt und Speicherdauer geändert: {data}.",
}


# ---------------------------------------------------------------------------------------------
# Generator
# ---------------------------------------------------------------------------------------------

import argparse
import datetime
import json
import os
import random
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CATEGORIES = ["essential", "analytics", "preferences", "marketing"]

COOKIE_POOL = {
    "essential": ["session_id", "csrftoken", "__Host-sid", "lb_route", "cookie_consent", "XSRF-TOKEN", "auth_token",
                  "cart_id", "__cf_bm", "JSESSIONID", "PHPSESSID", "secure_login"],
    "analytics": ["_ga", "_gid", "_gat", "_pk_id", "_pk_ses", "_hjSessionUser", "_hjSession", "mp_session",
                  "ajs_anonymous_id", "_clck", "_clsk", "amplitude_id"],
    "preferences": ["lang", "theme", "timezone", "currency", "ui_density", "recent_searches", "font_size", "region",
                    "dismissed_banners", "layout"],
    "marketing": ["_fbp", "_gcl_au", "IDE", "test_cookie", "li_sugr", "bcookie", "_uetsid", "_uetvid", "muc_ads",
                  "_tt_enable_cookie", "_ttp", "NID"],
}
COOKIE_PROVIDERS = {
    "essential": [None, "Cloudflare"],
    "analytics": ["Google Analytics", "Matomo", "Hotjar", "Mixpanel", "Segment", "Microsoft Clarity"],
    "preferences": [None],
    "marketing": ["Meta", "Google Ads", "LinkedIn", "Microsoft Advertising", "TikTok"],
}
COOKIE_DURATIONS = {
    "essential": ["session", "1 hour", "24 hours", "30 days", "1 year"],
    "analytics": ["session", "1 day", "30 days", "6 months", "13 months", "up to 2 years"],
    "preferences": ["30 days", "6 months", "1 year", "up to 2 years"],
    "marketing": ["7 days", "90 days", "6 months", "13 months", "2 years"],
}
RETENTION_PERIODS = ["30 days", "90 days", "6 months", "12 months", "13 months", "1 year", "2 years", "3 years", "5 years",
                     "10 years", "up to 3 years", "up to 6 months"]

COUNTRIES = {
    # code: (legal form, cities, streets, phone prefix, authority name, authority site, postcode digits)
    "FR": ("SAS", ["Paris", "Lyon", "Nantes", "Lille"], ["rue de la République", "avenue Jean Jaurès", "boulevard Voltaire"], "+33",
           "Commission nationale de l'informatique et des libertés (CNIL)", "https://www.cnil.fr/", 5),
    "DE": ("GmbH", ["Berlin", "München", "Hamburg", "Köln"], ["Hauptstraße", "Bahnhofstraße", "Gartenweg"], "+49",
           "Der Bundesbeauftragte für den Datenschutz und die Informationsfreiheit", "https://www.bfdi.bund.de/", 5),
    "ES": ("S.L.", ["Madrid", "Barcelona", "Valencia", "Sevilla"], ["Calle Mayor", "Avenida de la Constitución", "Calle del Sol"], "+34",
           "Agencia Española de Protección de Datos (AEPD)", "https://www.aepd.es/", 5),
    "MA": ("SARL", ["Casablanca", "Rabat", "Fès", "Tanger"], ["Boulevard Mohammed V", "Rue Ibn Batouta", "Avenue Hassan II"], "+212",
           "Commission nationale de contrôle de la protection des données à caractère personnel (CNDP)", "https://www.cndp.ma/", 5),
    "TN": ("SARL", ["Tunis", "Sfax", "Sousse"], ["Avenue Habib Bourguiba", "Rue de Marseille", "Rue du Lac Léman"], "+216",
           "Instance nationale de protection des données personnelles (INPDP)", "https://www.inpdp.tn/", 4),
    "BE": ("SRL", ["Bruxelles", "Liège", "Gand"], ["Rue Neuve", "Avenue Louise", "Rue Royale"], "+32",
           "Autorité de protection des données", "https://www.autoriteprotectiondonnees.be/", 4),
    "IE": ("Ltd", ["Dublin", "Cork", "Galway"], ["Main Street", "Harbour Road", "Grafton Street"], "+353",
           "Data Protection Commission", "https://www.dataprotection.ie/", 0),
}
NAME_A = ["Nor", "Vel", "Quar", "Lum", "Ast", "Cor", "Zen", "Tal", "Bri", "Oda", "Kev", "Mar", "Sol", "Tri", "Fen", "Ryn", "Dal", "Ix"]
NAME_B = ["ora", "ix", "eta", "on", "ia", "ex", "ara", "is", "um", "ano", "ica"]
NAME_C = ["Data", "Soft", "Cloud", "Labs", "Systems", "Digital", "Networks", "Health", "Pay", "Logistics", "Media", "Voice"]
FIRST_NAMES = ["Amina", "Lucas", "Sofia", "Youssef", "Claire", "Jonas", "Leila", "Mateo", "Nora", "Karim", "Elena", "Hugo"]
LAST_NAMES = ["Benali", "Martin", "García", "Schmidt", "Haddad", "Dubois", "Fischer", "López", "Mansouri", "Keller"]


def q(value):
    """A YAML scalar: JSON-style double-quoted strings are valid YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def yaml_lines(obj, indent=0):
    pad = "  " * indent
    out = []
    if isinstance(obj, dict):
        for key, value in obj.items():
            if value is None or value == [] or value == {}:
                continue
            if isinstance(value, (dict, list)):
                out.append(f"{pad}{key}:")
                out.extend(yaml_lines(value, indent + 1))
            else:
                out.append(f"{pad}{key}: {q(value)}")
    else:
        for item in obj:
            if isinstance(item, dict):
                sub = yaml_lines(item, indent + 1)
                sub[0] = pad + "- " + sub[0][len(pad) + 2:]
                out.extend(sub)
            else:
                out.append(f"{pad}- {q(item)}")
    return out


def to_yaml(obj):
    return "\n".join(yaml_lines(obj)) + "\n"


def parse_simple_yaml(text):
    """Reads the theme's i18n files (nested `key: value` mappings, two-space indents)."""
    root = {}
    stack = [(-1, root)]
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        key, _, value = stripped.partition(":")
        value = value.strip()
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1]
        if value == "":
            parent[key] = {}
            stack.append((indent, parent[key]))
        else:
            if value.startswith('"'):
                value = json.loads(value)
            elif value.startswith("'"):
                value = value[1:-1].replace("''", "'")
            parent[key] = value
    return root


def slugify(text):
    out = "".join(ch.lower() if ch.isascii() and ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in out.split("-") if part)


# ---------------------------------------------------------------------------------------------
# One company: an abstract policy (indices into the parallel language tables) and its versions.
# ---------------------------------------------------------------------------------------------

def new_sentence(rng):
    np1, np2 = rng.sample(range(len(NP["en"])), 2)
    return (rng.randrange(len(TEMPLATES["en"])), np1, np2, rng.randrange(len(VP["en"])),
            rng.randrange(len(ADV["en"])), rng.randrange(len(ACTOR["en"])))


def realise(lang, sentence, company):
    t, np1, np2, vp, adv, actor = sentence
    text = TEMPLATES[lang][t].format(C=company["display_name"], np=NP[lang][np1], np2=NP[lang][np2],
                                     vp=VP[lang][vp], adv=ADV[lang][adv], actor=ACTOR[lang][actor])
    if lang != "ar":
        text = text[0].upper() + text[1:]
    return text


def make_company(index, seed, languages, versions):
    rng = random.Random(f"{seed}:{index}")
    country = rng.choice(sorted(COUNTRIES))
    form, cities, streets, prefix, authority, authority_url, postcode_digits = COUNTRIES[country]
    display = f"{rng.choice(NAME_A)}{rng.choice(NAME_B)} {rng.choice(NAME_C)}"
    slug = f"{slugify(display)}-{index + 1}"
    domain = f"{slug}.example"
    city = rng.choice(cities)
    postcode = str(rng.randrange(10 ** (postcode_digits - 1), 10 ** postcode_digits)) + " " if postcode_digits else ""
    company = {
        "slug": slug, "display_name": display, "legal_name": f"{display} {form}", "country": country,
        "email": f"privacy@{domain}", "website": f"https://www.{domain}/",
        "address": [f"{rng.randrange(1, 200)} {rng.choice(streets)}", f"{postcode}{city}".strip()],
        "phone": f"{prefix} {rng.randrange(100, 999)} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}",
        "authority": authority, "authority_url": authority_url, "languages": languages,
        "response_time": rng.choice(["30 days", "1 month", "15 days"]),
    }
    if rng.random() < 0.6:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        company["dpo"] = {"name": name, "email": f"dpo@{domain}"}

    # Cookies: 5-40 in the latest version; each later version adds one.
    present = ["essential"] + [c for c in CATEGORIES[1:] if rng.random() < 0.75]
    total = rng.randint(max(5, len(present) + versions - 1), 40)
    names_used = set()
    cookies = []
    for i in range(total):
        category = present[i] if i < len(present) else rng.choice(present)
        pool = COOKIE_POOL[category]
        name = rng.choice(pool)
        suffix = 2
        base = name
        while name in names_used:
            name = f"{base}_{suffix}"
            suffix += 1
        names_used.add(name)
        provider = rng.choice(COOKIE_PROVIDERS[category]) or display
        cookies.append({"category": category, "name": name, "provider": provider,
                        "purpose": rng.randrange(3), "duration": rng.choice(COOKIE_DURATIONS[category])})
    company["present"] = present
    company["cookies"] = cookies
    company["base_cookies"] = total - (versions - 1)

    company["data"] = sorted(rng.sample(range(5), rng.randint(3, 5)))
    company["purposes"] = sorted(rng.sample(range(7), rng.randint(4, 7)))
    company["retention"] = [[i, rng.choice(RETENTION_PERIODS)] for i in sorted(rng.sample(range(6), rng.randint(3, 6)))]
    rights = sorted(rng.sample(range(len(RIGHT_IDS)), rng.randint(4, len(RIGHT_IDS))))
    company["rights"] = [(RIGHT_IDS[i], rng.random() < 0.5) for i in rights]
    company["third"] = sorted(rng.sample(range(len(PROVIDERS)), rng.randint(3, 7)))
    company["transfers"] = [i for i in company["third"] if PROVIDERS[i][3] in ("US", "NZ")][:2]
    company["children_age"] = rng.choice([13, 15, 16, 18])
    company["use_list"] = rng.sample(range(len(VP["en"])), rng.randint(3, 6))

    # Body: 2,000-6,000 English words of prose spread over the sections.
    target = rng.randint(2000, 5600)  # English words incl. the fixed text; stays under 6,000
    fixed_words = 260 + 12 * len(company["third"])
    sections = {key: [] for key in SECTION_KEYS}
    words = fixed_words
    turn = 0
    while words < target:
        key = SECTION_KEYS[turn % len(SECTION_KEYS)] if turn < len(SECTION_KEYS) else rng.choice(SECTION_KEYS)
        turn += 1
        paragraph = [new_sentence(rng) for _ in range(rng.randint(3, 7))]
        sections[key].append(paragraph)
        words += sum(len(realise("en", s, company).split()) for s in paragraph)
    company["sections"] = sections

    # Versions: dates in the past (2021-2025), each step changes one sentence, adds a cookie and
    # changes a retention period.
    day = datetime.date(2021, 1, 4) + datetime.timedelta(days=rng.randrange(0, 700))
    steps = []
    for v in range(versions):
        if v > 0:
            day += datetime.timedelta(days=rng.randrange(60, 240))
            keys = [k for k in SECTION_KEYS if sections[k]]
            key = rng.choice(keys)
            p = rng.randrange(len(sections[key]))
            s = rng.randrange(len(sections[key][p]))
            rule = rng.randrange(len(company["retention"]))
            steps.append({"date": day, "sentence": (key, p, s, new_sentence(rng)),
                          "retention": (rule, rng.choice(RETENTION_PERIODS))})
        else:
            steps.append({"date": day})
    assert day <= datetime.date(2025, 12, 31)
    company["steps"] = steps
    return company


def version_state(company, v):
    """Body sections, cookies and retention of version v (0-based)."""
    sections = {k: [list(p) for p in ps] for k, ps in company["sections"].items()}
    retention = [list(r) for r in company["retention"]]
    # company["retention"] holds version 1.0's periods; each later version changes one.
    periods = [r[1] for r in retention]
    history = [list(periods)]
    for step in company["steps"][1:]:
        rule, new = step["retention"]
        periods = list(periods)
        periods[rule] = new
        history.append(periods)
    for i, period in enumerate(history[v]):
        retention[i][1] = period
    for step in company["steps"][1:v + 1]:
        key, p, s, sentence = step["sentence"]
        sections[key][p][s] = sentence
    cookies = company["cookies"][:company["base_cookies"] + v]
    return sections, cookies, retention


def version_name(v):
    return f"1.{v}"


def front_matter(company, lang, v):
    _, cookies, retention = version_state(company, v)
    date = company["steps"][v]["date"].isoformat()
    C = company["display_name"]
    fm = {
        "title": TITLE[lang],
        "version": version_name(v),
        "effective": date,
        "last_updated": date,
        "summary": SUMMARY[lang].format(C=C),
        "data_collected": [{"category": DATA_COLLECTED[lang][i][0], "items": DATA_COLLECTED[lang][i][1], "source": DATA_COLLECTED[lang][i][2]}
                           for i in company["data"]],
        "purposes": [dict(purpose=PURPOSES[lang][i][0], legal_basis=PURPOSES[lang][i][1], legitimate_interest=PURPOSES[lang][i][2])
                     for i in company["purposes"]],
        "cookies": [],
        "cookie_controls": COOKIE_CONTROLS[lang],
        "retention": [],
        "rights": {
            "contact": company["email"],
            "response_time": company["response_time"],
            "how": RIGHTS_HOW[lang],
            "items": [{"right": r, "description": RIGHT_DESCRIPTIONS_EN[r] if lang == "en" and described else None}
                      for r, described in company["rights"]],
        },
        "third_parties": [],
        "transfers": [],
        "children_min_age": company["children_age"],
        "sells_personal_data": False,
        "data_required": DATA_REQUIRED[lang],
        "automated_decisions": AUTOMATED[lang],
    }
    for category in company["present"]:
        fm["cookies"].append({
            "category": category,
            "purpose": CATEGORY_PURPOSE[lang][category],
            "legal_basis": CATEGORY_BASIS[category],
            "cookies": [{"name": c["name"], "provider": c["provider"], "purpose": COOKIE_PURPOSES[lang][category][c["purpose"]],
                         "duration": c["duration"]} for c in cookies if c["category"] == category],
        })
    for i, period in retention:
        data, after = RETENTION[lang][i]
        fm["retention"].append({"data": data, "period": period, "after": after})
    fm["retention"].append({"data": RETENTION_CRITERIA_DATA[lang], "criteria": RETENTION_CRITERIA[lang]})
    for i in company["third"]:
        name, purpose, role, country, url = PROVIDERS[i]
        fm["third_parties"].append({"name": name, "purpose": THIRD_PARTY_PURPOSES[lang][purpose], "role": role,
                                    "processing_location": COUNTRY_NAMES[country][lang], "privacy_policy": url})
    for i in company["transfers"]:
        name, _, _, country, _ = PROVIDERS[i]
        fm["transfers"].append({"destination": TRANSFER_DESTINATION[lang].format(P=name), "country": country,
                                "safeguards": TRANSFER_SAFEGUARDS[lang]})
    return fm


def body(company, lang, v, ui):
    sections, _, _ = version_state(company, v)
    F = FIXED[lang]
    C, L = company["display_name"], company["legal_name"]
    fill = dict(C=C, L=L, email=company["email"], authority=company["authority"], authority_url=company["authority_url"],
                country=COUNTRY_NAMES[company["country"]][lang])
    out = []
    for n, key in enumerate(SECTION_KEYS):
        heading = HEADINGS[lang][n].format(C=C)
        anchor = SECTION_IDS.get(key)
        out.append(f"## {heading}" + (f" {{#{anchor}}}" if anchor else "") + "\n")
        if key in ("intro", "about", "retention", "rights", "contact"):
            out.append(F[key].format(**fill) + "\n")
        elif key == "data":
            out.append(F["data_list"] + "\n")
            out.append("".join(f"- **{DATA_COLLECTED[lang][i][0]}**: {', '.join(DATA_COLLECTED[lang][i][1])}\n" for i in company["data"]))
        elif key == "use":
            out.append(F["purpose_list"] + "\n")
            out.append("".join(f"- {VP[lang][i]}\n" for i in company["use_list"]))
            head = F["table_head"]
            rows = [f"| {head[0]} | {head[1]} |", "|---|---|"]
            rows += [f"| {PURPOSES[lang][i][0]} | {ui['legal_basis'][PURPOSES[lang][i][1]]} |" for i in company["purposes"]]
            out.append("\n".join(rows) + "\n")
        elif key == "cookies":
            phrases = [COOKIE_PROSE[lang][c] for c in company["present"]]
            joined = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + F["and"] + phrases[-1]
            if lang == "ar":
                joined = F["and"].join(phrases)
            out.append(F["cookies_cats"].format(cats=joined) + " " + F["cookies_link"] + "\n")
        elif key == "sharing":
            out.append(F["sharing_list"] + "\n")
            out.append("".join(f"- [{PROVIDERS[i][0]}]({PROVIDERS[i][4]}): {THIRD_PARTY_PURPOSES[lang][PROVIDERS[i][1]]}\n"
                               for i in company["third"]))
        for paragraph in sections[key]:
            out.append(" ".join(realise(lang, s, company) for s in paragraph) + "\n")
    return "\n".join(out)


def policy_text(company, lang, v, ui):
    """(front matter YAML, Markdown body) of a policy, kept apart: the PolicySite file joins them
    (`policy_file`) and the Hugo pages put other fields before the same front matter, so nothing
    splits a written file again."""
    return to_yaml(front_matter(company, lang, v)), body(company, lang, v, ui)


def policy_file(front_yaml, markdown):
    """A privacy.md as PolicySite reads it: front matter between `---` lines, a blank line, the body."""
    return "---\n" + front_yaml + "---\n\n" + markdown


# ---------------------------------------------------------------------------------------------
# Hugo site
# ---------------------------------------------------------------------------------------------

HUGO_CONFIG = """baseURL = "https://bench.example.org/"
title = "PolicySite benchmark (Hugo)"
languageCode = "en"
disableKinds = ["taxonomy", "term", "RSS", "section"]
enableRobotsTXT = true
# The same Markdown features PolicySite uses: GFM tables, {#id} heading attributes; raw HTML off.
[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.parser.attribute]
title = true
[markup.tableOfContents]
startLevel = 2
endLevel = 2
ordered = true
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
{{- $lang := .Params.policy_lang | default "en" }}
{{- $ui := index site.Data.ui $lang }}
<html lang="{{ $lang }}" dir="{{ $ui.dir }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}{{ with .Params.company }} · {{ (index site.Data.companies .).display_name }}{{ end }} · {{ site.Title }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">
{{ end }}<link rel="canonical" href="{{ .Permalink }}">
{{- with .Params.company }}{{ $c := index site.Data.companies . }}
{{ range $c.languages }}<link rel="alternate" hreflang="{{ . }}" href="{{ printf "%s/%s/" $c.slug . | absURL }}">
{{ end }}{{ end }}
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#main">{{ $ui.site.skip_to_content }}</a>
<header class="site-header">
<div class="wrap header-row">
<a class="site-title" href="{{ "/" | relURL }}">{{ site.Title }}</a>
{{- with .Params.company }}{{ $c := index site.Data.companies . }}
<nav class="language-switcher" aria-label="{{ $ui.site.languages }}"><ul>
{{ range $c.languages }}<li><a href="{{ printf "/%s/%s/" $c.slug . | relURL }}" hreflang="{{ . }}" lang="{{ . }}"{{ if eq . $lang }} aria-current="page"{{ end }}>{{ (index site.Data.ui .).language_name }}</a></li>
{{ end }}</ul></nav>{{ end }}
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><div class="wrap"><p><a href="{{ "/" | relURL }}">{{ $ui.site.home }}</a></p><p class="muted">{{ $ui.site.generated_by }}</p></div></footer>
</body>
</html>
""",
    "partials/company-header.html": """{{- $p := .p }}{{ $ui := .ui }}{{ $c := .c }}{{ $base := printf "/%s/%s/" $c.slug .lang }}
<header class="policy-header">
<p class="company-name"><a href="{{ $base | relURL }}">{{ $c.display_name }}</a></p>
<h1>{{ .title }}</h1>
<p class="meta"><span>{{ $ui.policy.last_updated }}: <time datetime="{{ $p.last_updated }}">{{ $p.last_updated }}</time></span> · <span>{{ $ui.policy.effective }}: {{ $p.effective }}</span> · <span>{{ $ui.policy.version }} {{ $p.version }}</span></p>
{{ with .note }}<p class="notice" role="note">{{ . }}</p>{{ end }}
</header>
<nav class="policy-nav" aria-label="{{ $ui.site.menu }}"><ul>
<li><a href="{{ $base | relURL }}">{{ $ui.home.policy }}</a></li>
<li><a href="{{ print $base "cookies/" | relURL }}">{{ $ui.home.cookies }}</a></li>
<li><a href="{{ print $base "rights/" | relURL }}">{{ $ui.home.rights }}</a></li>
<li><a href="{{ print $base "contact/" | relURL }}">{{ $ui.home.contact }}</a></li>
</ul></nav>
""",
    "partials/cookie-table.html": """{{- $p := .p }}{{ $ui := .ui }}
{{- with $p.cookies }}
<div class="table-scroll" role="region" tabindex="0"><table class="cookie-categories stack-on-phone">
<thead><tr><th scope="col">{{ $ui.cookies.category }}</th><th scope="col">{{ $ui.cookies.purpose }}</th><th scope="col">{{ $ui.cookies.legal_basis }}</th><th scope="col">{{ $ui.sections.cookies }}</th></tr></thead>
<tbody>
{{ range . }}<tr class="cookie-category" id="cookie-{{ .category }}"><th scope="row">{{ index $ui.cookie_category .category }}</th><td>{{ .purpose }}</td><td>{{ with .legal_basis }}{{ index $ui.legal_basis . }}{{ end }}</td><td>{{ $cat := .category }}{{ with .cookies }}<a href="#cookies-{{ $cat }}">{{ len . }}</a>{{ else }}<span class="muted">{{ $ui.cookies.none_named }}</span>{{ end }}</td></tr>
{{ end }}</tbody></table></div>
{{ range . }}{{ if .cookies }}
<h3 id="cookies-{{ .category }}">{{ index $ui.cookie_category .category }}</h3>
<div class="table-scroll" role="region" tabindex="0"><table class="cookie-table stack-on-phone">
<thead><tr><th scope="col">{{ $ui.cookies.name }}</th><th scope="col">{{ $ui.cookies.provider }}</th><th scope="col">{{ $ui.cookies.purpose }}</th><th scope="col">{{ $ui.cookies.duration }}</th></tr></thead>
<tbody>
{{ range .cookies }}<tr><th scope="row"><code>{{ .name }}</code></th><td>{{ .provider }}</td><td>{{ .purpose }}</td><td>{{ .duration }}</td></tr>
{{ end }}</tbody></table></div>
{{ end }}{{ end }}
{{- else }}<p>{{ $ui.cookies.none }}</p>
{{- end }}
{{ with $p.cookie_controls }}<h3>{{ $ui.cookies.controls }}</h3>
<p>{{ . }}</p>{{ end }}
""",
    "partials/rights-list.html": """{{- $p := .p }}{{ $ui := .ui }}
{{- with $p.rights }}
<p>{{ $ui.rights.intro }}</p>
<dl class="rights-list">
{{ range .items }}<div class="right" id="right-{{ .right }}"><dt>{{ index $ui.right .right }}</dt><dd>{{ .description | default (index $ui.right (print .right "_description")) }}</dd></div>
{{ end }}</dl>
<h3>{{ $ui.rights.how }}</h3>
{{ with .how }}<p>{{ . }}</p>{{ end }}
{{ with .contact }}<p>{{ replace $ui.rights.contact "{contact}" . }}</p>{{ end }}
{{ with .response_time }}<p>{{ replace $ui.rights.response_time "{duration}" . }}</p>{{ end }}
{{- else }}<p>{{ $ui.rights.none }}</p>{{ end }}
""",
    "partials/contact-card.html": """{{- $c := .c }}{{ $ui := .ui }}
<div class="contact-card"><dl>
<div><dt>{{ $ui.contact.legal_name }}</dt><dd>{{ $c.legal_name }}</dd></div>
<div><dt>{{ $ui.contact.address }}</dt><dd><address>{{ range $c.address }}{{ . }}<br>{{ end }}{{ $c.country }}</address></dd></div>
{{ with $c.privacy_email }}<div><dt>{{ $ui.contact.email }}</dt><dd><a href="mailto:{{ . }}">{{ . }}</a></dd></div>{{ end }}
{{ with $c.phone }}<div><dt>{{ $ui.contact.phone }}</dt><dd><a href="tel:{{ replace . " " "" }}" dir="ltr">{{ . }}</a></dd></div>{{ end }}
{{ with $c.website }}<div><dt>{{ $ui.contact.website }}</dt><dd><a href="{{ . }}" dir="ltr">{{ . }}</a></dd></div>{{ end }}
{{ with $c.response_time }}<div><dt>{{ $ui.contact.response_time }}</dt><dd>{{ replace $ui.contact.response_time_value "{duration}" . }}</dd></div>{{ end }}
{{ with $c.dpo }}<div><dt>{{ $ui.contact.dpo }}</dt><dd>{{ .name }} <a href="mailto:{{ .email }}">{{ .email }}</a></dd></div>{{ end }}
{{ with $c.supervisory_authority }}<div><dt>{{ $ui.contact.supervisory_authority }}</dt><dd><a href="{{ .website }}">{{ .name }}</a> ({{ .country }})</dd></div>{{ end }}
</dl></div>
""",
    "partials/sections.html": """{{- $p := .p }}{{ $ui := .ui }}
<section id="data-collected-section"><h2>{{ $ui.sections.data_collected }}</h2>
<div class="table-scroll"><table><thead><tr><th>{{ $ui.data.category }}</th><th>{{ $ui.data.items }}</th><th>{{ $ui.data.source }}</th></tr></thead><tbody>
{{ range $p.data_collected }}<tr><th scope="row">{{ .category }}</th><td><ul>{{ range .items }}<li>{{ . }}</li>{{ end }}</ul></td><td>{{ with .source }}{{ index $ui.data_source . }}{{ end }}</td></tr>
{{ end }}</tbody></table></div></section>
<section id="purposes-section"><h2>{{ $ui.sections.purposes }}</h2>
<div class="table-scroll"><table><thead><tr><th>{{ $ui.purposes.purpose }}</th><th>{{ $ui.purposes.legal_basis }}</th></tr></thead><tbody>
{{ range $p.purposes }}<tr><td>{{ .purpose }}</td><td>{{ with .legal_basis }}{{ index $ui.legal_basis . }}{{ else }}{{ $ui.purposes.not_stated }}{{ end }}{{ with .legitimate_interest }}<br><small>{{ replace $ui.purposes.legitimate_interest "{interest}" . }}</small>{{ end }}</td></tr>
{{ end }}</tbody></table></div></section>
<section id="cookies-section"><h2>{{ $ui.sections.cookies }}</h2>
<p>{{ $ui.cookies.intro }} <a href="cookies/">{{ $ui.cookies.full_table }}</a></p>
{{ partial "cookie-table.html" . }}</section>
<section id="retention-section"><h2>{{ $ui.sections.retention }}</h2>
<div class="table-scroll"><table><thead><tr><th>{{ $ui.retention.data }}</th><th>{{ $ui.retention.period }}</th><th>{{ $ui.retention.criteria }}</th></tr></thead><tbody>
{{ range $p.retention }}<tr><th scope="row">{{ .data }}</th><td>{{ with .period }}{{ . }}{{ end }}{{ with .after }}, {{ . }}{{ end }}</td><td>{{ with .criteria }}{{ . }}{{ end }}</td></tr>
{{ end }}</tbody></table></div></section>
<section id="third-parties-section"><h2>{{ $ui.sections.third_parties }}</h2>
<div class="table-scroll"><table><thead><tr><th>{{ $ui.third_parties.name }}</th><th>{{ $ui.third_parties.purpose }}</th><th>{{ $ui.third_parties.role }}</th><th>{{ $ui.third_parties.processing_location }}</th></tr></thead><tbody>
{{ range $p.third_parties }}<tr><th scope="row">{{ with .privacy_policy }}<a href="{{ . }}">{{ end }}{{ .name }}{{ if .privacy_policy }}</a>{{ end }}</th><td>{{ .purpose }}</td><td>{{ with .role }}{{ index $ui.role . }}{{ end }}</td><td>{{ .processing_location }}</td></tr>
{{ end }}</tbody></table></div></section>
{{ with $p.transfers }}<section id="transfers-section"><h2>{{ $ui.sections.transfers }}</h2>
<div class="table-scroll"><table><thead><tr><th>{{ $ui.transfers.destination }}</th><th>{{ $ui.transfers.safeguards }}</th></tr></thead><tbody>
{{ range . }}<tr><td>{{ .destination }}{{ with .country }} ({{ . }}){{ end }}</td><td>{{ .safeguards }}</td></tr>
{{ end }}</tbody></table></div></section>{{ end }}
<section id="rights-section"><h2>{{ $ui.sections.rights }}</h2>
{{ partial "rights-list.html" . }}</section>
{{ with $p.children_min_age }}<section id="children-section"><h2>{{ $ui.sections.children }}</h2><p>{{ replace $ui.policy.children_min_age "{age}" (string .) }}</p></section>{{ end }}
<section id="contact-section"><h2>{{ $ui.sections.contact }}</h2><p>{{ $ui.contact.intro }}</p>
{{ partial "contact-card.html" . }}</section>
""",
    "policy/single.html": """{{ define "main" }}
{{- $ui := index site.Data.ui .Params.policy_lang }}{{ $c := index site.Data.companies .Params.company }}
{{- $ctx := dict "p" .Params "ui" $ui "c" $c "lang" .Params.policy_lang "title" .Title }}
<article class="policy" lang="{{ .Params.policy_lang }}" dir="{{ $ui.dir }}">
{{ partial "company-header.html" $ctx }}
{{ with .Params.summary }}<p class="summary" id="summary">{{ . }}</p>{{ end }}
<nav class="toc" id="contents"><h2 id="contents-heading">{{ $ui.policy.contents }}</h2>
{{ .TableOfContents }}
</nav>
<div class="prose">
{{ .Content }}
</div>
{{ partial "sections.html" $ctx }}
</article>
{{ end }}
""",
    "version/single.html": """{{ define "main" }}
{{- $ui := index site.Data.ui .Params.policy_lang }}{{ $c := index site.Data.companies .Params.company }}
{{- $ctx := dict "p" .Params "ui" $ui "c" $c "lang" .Params.policy_lang "title" .Title "note" (replace (replace $ui.history.archived_note "{version}" .Params.version) "{date}" .Params.last_updated) }}
<article class="policy" lang="{{ .Params.policy_lang }}" dir="{{ $ui.dir }}">
{{ partial "company-header.html" $ctx }}
<nav class="toc" id="contents"><h2 id="contents-heading">{{ $ui.policy.contents }}</h2>
{{ .TableOfContents }}
</nav>
<div class="prose">
{{ .Content }}
</div>
{{ partial "sections.html" $ctx }}
</article>
{{ end }}
""",
    "cookies/single.html": """{{ define "main" }}
{{- $ui := index site.Data.ui .Params.policy_lang }}{{ $c := index site.Data.companies .Params.company }}
{{- $policy := site.GetPage .Params.policy }}
{{- $ctx := dict "p" $policy.Params "ui" $ui "c" $c "lang" .Params.policy_lang "title" $policy.Title }}
<article class="policy" lang="{{ .Params.policy_lang }}" dir="{{ $ui.dir }}">
{{ partial "company-header.html" $ctx }}
<section><h2 id="cookie-categories-heading">{{ $ui.sections.cookies }}</h2>
<p>{{ $ui.cookies.intro }}</p>
{{ partial "cookie-table.html" $ctx }}
</section>
</article>
{{ end }}
""",
    "rights/single.html": """{{ define "main" }}
{{- $ui := index site.Data.ui .Params.policy_lang }}{{ $c := index site.Data.companies .Params.company }}
{{- $policy := site.GetPage .Params.policy }}
{{- $ctx := dict "p" $policy.Params "ui" $ui "c" $c "lang" .Params.policy_lang "title" $policy.Title }}
<article class="policy" lang="{{ .Params.policy_lang }}" dir="{{ $ui.dir }}">
{{ partial "company-header.html" $ctx }}
<section><h2 id="rights-heading">{{ $ui.sections.rights }}</h2>
{{ partial "rights-list.html" $ctx }}
<p><a href="../contact/">{{ $ui.contact.title }}</a></p>
</section>
</article>
{{ end }}
""",
    "contact/single.html": """{{ define "main" }}
{{- $ui := index site.Data.ui .Params.policy_lang }}{{ $c := index site.Data.companies .Params.company }}
{{- $policy := site.GetPage .Params.policy }}
{{- $ctx := dict "p" $policy.Params "ui" $ui "c" $c "lang" .Params.policy_lang "title" $policy.Title }}
<article class="policy" lang="{{ .Params.policy_lang }}" dir="{{ $ui.dir }}">
{{ partial "company-header.html" $ctx }}
<section><h2 id="contact-heading">{{ $ui.contact.title }}</h2>
<p>{{ $ui.contact.intro }}</p>
{{ partial "contact-card.html" $ctx }}
</section>
</article>
{{ end }}
""",
    "changelog/single.html": """{{ define "main" }}
{{- $lang := .Params.policy_lang }}{{ $ui := index site.Data.ui $lang }}{{ $c := index site.Data.companies .Params.company }}
{{- $policy := site.GetPage .Params.policy }}
{{- $ctx := dict "p" $policy.Params "ui" $ui "c" $c "lang" $lang "title" $policy.Title }}
<article class="policy" lang="{{ $lang }}" dir="{{ $ui.dir }}">
{{ partial "company-header.html" $ctx }}
<section><h2 id="changelog-heading">{{ .Title }}</h2>
<ol class="changelog" reversed>
{{ range sort (index site.Data.changelogs .Params.company).entries "date" "desc" }}<li id="v{{ .version }}"><h3><a href="{{ printf "/%s/%s/versions/%s/" $c.slug $lang .version | relURL }}">{{ $ui.policy.version }} {{ .version }}</a> <time datetime="{{ .date }}">{{ .date }}</time></h3>
{{ $summary := .summary }}{{ with .translations }}{{ with index . $lang }}{{ $summary = . }}{{ end }}{{ end }}<p>{{ $summary }}</p>
<ul>{{ range .changes }}<li>{{ . }}</li>{{ end }}</ul></li>
{{ end }}</ol>
</section>
</article>
{{ end }}
""",
    "index.html": """{{ define "main" }}
{{- $ui := index site.Data.ui "en" }}
<h1>{{ $ui.home.title }}</h1>
<h2>{{ $ui.home.companies }}</h2>
<ul class="company-list">
{{ range $slug, $c := site.Data.companies }}<li class="company-card">
<h3><a href="{{ printf "/%s/en/" $slug | relURL }}">{{ $c.display_name }}</a></h3>
<p class="muted">{{ $c.legal_name }}</p>
<p class="card-languages">{{ $ui.home.available_in }} {{ range $c.languages }}<a href="{{ printf "/%s/%s/" $slug . | relURL }}" hreflang="{{ . }}" lang="{{ . }}">{{ (index site.Data.ui .).language_name }}</a> {{ end }}</p>
</li>
{{ end }}</ul>
{{ end }}
""",
    "404.html": """{{ define "main" }}
{{- $ui := index site.Data.ui "en" }}
<h1>{{ $ui.not_found.title }}</h1>
<p>{{ $ui.not_found.text }}</p>
<p><a href="{{ "/" | relURL }}">{{ $ui.not_found.back }}</a></p>
{{ end }}
""",
}


def hugo_page(front, text=""):
    return "---\n" + to_yaml(front) + "---\n" + (("\n" + text) if text else "")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def archive_hashes(policysite, content, folders):
    """{version folder: archive hash} for `folders` (relative to `content`), from one run of
    `policysite archive-hash`: the hash `publish` records and `check` verifies, computed by the
    binary's one definition. Relative paths keep the command line short (1,000 companies x 30
    versions is about 1 MB of arguments)."""
    if not folders:
        return {}
    # The run starts in content/: a binary named by a relative path is resolved first.
    binary = os.path.abspath(policysite) if os.path.dirname(policysite) else policysite
    result = subprocess.run([binary, "archive-hash", *folders], cwd=content, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"generate.py: {policysite} archive-hash failed:\n{result.stderr}")
    hashes = dict(line.rsplit(" ", 1) for line in result.stdout.splitlines())
    missing = [folder for folder in folders if folder not in hashes]
    if missing:
        sys.exit(f"generate.py: {policysite} archive-hash printed no hash for {missing[0]}")
    return hashes


def main():
    parser = argparse.ArgumentParser(description="Generate a synthetic PolicySite corpus and an equivalent Hugo site.")
    parser.add_argument("--companies", type=int, required=True)
    parser.add_argument("--languages", type=int, default=3, help=f"first L of {LANGUAGES}")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", default="1")
    parser.add_argument("--versions", type=int, default=3)
    parser.add_argument("--policysite", required=True, help="policysite binary (its archive-hash command hashes the version folders)")
    parser.add_argument("--themes", default=os.path.join(HERE, "..", "themes"), help="PolicySite themes folder (UI strings for the Hugo site)")
    args = parser.parse_args()
    if not 1 <= args.languages <= len(LANGUAGES):
        parser.error(f"--languages must be 1..{len(LANGUAGES)}")
    if not 1 <= args.versions <= 30:
        parser.error("--versions must be 1..30")
    languages = LANGUAGES[:args.languages]

    ui = {}
    for lang in languages + (["en"] if "en" not in languages else []):
        with open(os.path.join(args.themes, "default", "i18n", f"{lang}.yml"), encoding="utf-8") as f:
            ui[lang] = parse_simple_yaml(f.read())
        ui[lang]["dir"] = "rtl" if lang == "ar" else "ltr"

    content = os.path.join(args.out, "content")
    hugo = os.path.join(args.out, "hugo")
    for folder in (content, hugo):
        if os.path.exists(folder):
            shutil.rmtree(folder)

    write(os.path.join(content, "site.yml"), to_yaml({
        "title": "PolicySite benchmark",
        "base_url": "https://bench.example.org/",
        "default_language": "en",
        "theme": "default",
        "description": f"Synthetic corpus: {args.companies} companies in {len(languages)} languages (seed {args.seed}).",
    }))
    write(os.path.join(hugo, "config", "_default", "config.toml"), HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(hugo, "layouts", name), text)
    for lang in ui:
        write(os.path.join(hugo, "data", "ui", f"{lang}.json"), json.dumps(ui[lang], ensure_ascii=False, indent=1))
    css = os.path.join(args.themes, "default", "assets", "style.css")
    if os.path.exists(css):
        os.makedirs(os.path.join(hugo, "static", "assets"), exist_ok=True)
        shutil.copyfile(css, os.path.join(hugo, "static", "assets", "style.css"))

    stats = {"policies": 0, "archived": 0, "words": [], "cookies": []}
    # (slug, changelog entries) per company: the changelogs are written once every version folder
    # exists and `policysite archive-hash` has hashed them all.
    changelogs = []
    for index in range(args.companies):
        company = make_company(index, args.seed, languages, args.versions)
        slug = company["slug"]
        folder = os.path.join(content, slug)
        info = {
            "legal_name": company["legal_name"],
            "display_name": company["display_name"],
            "website": company["website"],
            "address": company["address"],
            "country": company["country"],
            "governing_law": {"country": company["country"], "courts": company["country"]},
            "privacy_email": company["email"],
            "phone": company["phone"],
            "dpo": company.get("dpo"),
            "response_time": company["response_time"],
            "supervisory_authority": {"name": company["authority"], "country": company["country"], "website": company["authority_url"]},
            "languages": languages,
            "default_language": "en" if "en" in languages else languages[0],
        }
        write(os.path.join(folder, "company.yml"), to_yaml(info))
        hugo_info = dict(info, slug=slug)
        write(os.path.join(hugo, "data", "companies", f"{slug}.json"), json.dumps(hugo_info, ensure_ascii=False))

        entries = []
        latest = args.versions - 1
        for v in range(args.versions):
            for lang in languages:
                fm_yaml, markdown = policy_text(company, lang, v, ui[lang])
                text = policy_file(fm_yaml, markdown)
                write(os.path.join(folder, "versions", version_name(v), lang, "privacy.md"), text)
                stats["archived"] += 1
                # Hugo: one page per archived version (the same front matter and body).
                md = "\n" + markdown
                hugo_front = "type: \"version\"\n" + f"url: \"/{slug}/{lang}/versions/{version_name(v)}/\"\n" + \
                    f"company: \"{slug}\"\npolicy_lang: \"{lang}\"\n" + fm_yaml
                write(os.path.join(hugo, "content", slug, lang, "versions", f"{version_name(v)}.md"), "---\n" + hugo_front + "---\n" + md)
                if v == latest:
                    write(os.path.join(folder, lang, "privacy.md"), text)
                    stats["policies"] += 1
                    if lang == languages[0]:
                        stats["words"].append(len(markdown.split()))
                        stats["cookies"].append(len(version_state(company, v)[1]))
                    hugo_front = "type: \"policy\"\n" + f"url: \"/{slug}/{lang}/\"\n" + \
                        f"company: \"{slug}\"\npolicy_lang: \"{lang}\"\n" + fm_yaml
                    write(os.path.join(hugo, "content", slug, lang, "policy.md"), "---\n" + hugo_front + "---\n" + md)
                    for kind in ("cookies", "rights", "contact"):
                        write(os.path.join(hugo, "content", slug, lang, f"{kind}.md"), hugo_page({
                            "title": ui[lang]["home"][kind], "type": kind, "url": f"/{slug}/{lang}/{kind}/",
                            "company": slug, "policy_lang": lang, "policy": f"/{slug}/{lang}/policy",
                        }))
            step = company["steps"][v]
            entry = {"version": version_name(v), "date": step["date"].isoformat()}
            if v == 0:
                entry["summary"] = CHANGELOG_FIRST["en"]
                entry["translations"] = {lang: CHANGELOG_FIRST[lang] for lang in languages if lang != "en"}
                entry["changes"] = ["First published version"]
            else:
                added = company["cookies"][company["base_cookies"] + v - 1]
                rule, period = step["retention"]
                data_index = version_state(company, v)[2][rule][0]
                entry["summary"] = CHANGELOG_NEXT["en"].format(cookie=added["name"], data=RETENTION["en"][data_index][0].lower())
                entry["translations"] = {lang: CHANGELOG_NEXT[lang].format(cookie=added["name"], data=RETENTION[lang][data_index][0])
                                         for lang in languages if lang != "en"}
                key, p, s, _ = step["sentence"]
                entry["changes"] = [
                    f"Cookie table lists {added['name']} ({added['category']})",
                    f"{RETENTION['en'][data_index][0]} kept for {period}",
                    f"Reworded a sentence in \"{HEADINGS['en'][SECTION_KEYS.index(key)].format(C=company['display_name'])}\"",
                ]
            entries.append(entry)
        changelogs.append((slug, entries))

    def version_folder(slug, entry):
        return os.path.join(slug, "versions", entry["version"])

    hashes = archive_hashes(args.policysite, content, [version_folder(slug, entry) for slug, entries in changelogs for entry in entries])
    for slug, entries in changelogs:
        folder = os.path.join(content, slug)
        for entry in entries:
            entry["archive_hash"] = hashes[version_folder(slug, entry)]
        write(os.path.join(folder, "changelog.yml"), to_yaml({"entries": entries}))
        write(os.path.join(hugo, "data", "changelogs", f"{slug}.json"), json.dumps({"entries": entries}, ensure_ascii=False))
        for lang in languages:
            history = ui[lang].get("history", {})
            write(os.path.join(hugo, "content", slug, lang, "changelog.md"), hugo_page({
                "title": history.get("changelog", "Changelog"), "type": "changelog", "url": f"/{slug}/{lang}/changelog/",
                "company": slug, "policy_lang": lang, "policy": f"/{slug}/{lang}/policy",
            }))

    words = stats["words"] or [0]
    cookies = stats["cookies"] or [0]
    print(f"generated {args.companies} companies x {len(languages)} languages ({', '.join(languages)}), "
          f"{args.versions} versions each: {stats['policies']} policies, {stats['archived']} archived files; "
          f"{languages[0]} body words {min(words)}-{max(words)} (mean {sum(words) // len(words)}), "
          f"cookies {min(cookies)}-{max(cookies)} -> {args.out}")


if __name__ == "__main__":
    main()
