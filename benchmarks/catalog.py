"""A synthetic Cutover project of any size, for the benchmarks.

``write_project(root, roles=R, features=F)`` writes a real project — ``catalog/site.yaml``, phases, glossary,
roles, features with platform steps, FAQs, quizzes, every text translated into de/es/sv, hand-written pages and
an ``mkdocs.yml`` like the test fixture's — that ``cutover check`` accepts. Text is composed from per-language
phrase banks (seeded, so two runs write the same project) with the markup real definitions use: bold UI labels,
variables, glossary terms that become tooltips, tips, warnings and troubleshooting.

Pages per language: 2·roles (manuals and cards) + features (guides) + roles (quizzes) + about 14 fixed pages;
:func:`size_for` picks roles and features for a target page count.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import yaml

LANGUAGES = ("en", "de", "es", "sv")
PLATFORMS = ("desktop", "mobile", "desk_phone")

# Phrase banks: the same slots in every language, so a translation mirrors its source item for item.
_BANK = {
    "en": {
        "object": ["call", "voicemail", "contact", "queue", "forwarding rule", "greeting", "conference", "park slot",
                   "headset", "presence status", "call history", "speed dial", "hunt group", "caller ID", "shared line"],
        "verb": ["Set up", "Change", "Check", "Share", "Record", "Transfer", "Forward", "Review", "Pause", "Restore"],
        "ui": ["Settings", "Calls", "More", "Voicemail", "Contacts", "Forwarding", "Status", "Queue", "Park", "Pick up"],
        "step": ["Open **{ui}** in {{{{ desktop_app }}}}.", "Select **{ui}**, then **{ui2}**.",
                 "Tap **{ui}** and choose the {obj} you want.", "Press **{ui}** on the desk phone and dial {{{{ park_code }}}}.",
                 "Confirm with **Save**; the {obj} is stored in your profile.", "Check that the {obj} shows your name and number."],
        "result": ["The {obj} appears in the list.", "You hear a short tone and the {obj} is active.",
                   "The screen shows the {obj} with a green mark."],
        "summary": "{verb} the {obj} on every device, including the PBX features you used on {{{{ old_system }}}}.",
        "tip": "Use DND while you {verbl} the {obj}, so no call interrupts you; your colleagues see your presence.",
        "warning": "Do not {verbl} the {obj} of a hunt group without asking the team leader first.",
        "problem": "The {obj} does not show up after you select **{ui}**.",
        "solution": "Sign out of {{{{ desktop_app }}}}, sign in again and wait a minute; then call the helpdesk on {{{{ helpdesk_extension }}}}.",
        "before": "On {{{{ old_system }}}} you needed a code and the PBX handbook to {verbl} the {obj}.",
        "after": "On {{{{ new_system }}}} you {verbl} the {obj} in two taps, from any device.",
        "role": ["Agent", "Team lead", "Receptionist", "Assistant", "Field engineer", "Nurse", "Analyst", "Dispatcher"],
        "audience": "People who {verbl} the {obj} every day and handle calls for their team at {{{{ org_name }}}}.",
        "task": "{verb} the {obj} and make a test call.",
        "question": "How do you {verbl} the {obj} on {{{{ new_system }}}}?",
        "answer": "Select **{ui}** and follow the steps in the guide; the BLF shows when a colleague is busy. Ask the helpdesk during {{{{ hours }}}}.",
        "prompt": "Which step comes first when you {verbl} the {obj}?",
        "option": ["Open **{ui}**", "Call the helpdesk", "Restart the phone", "Dial {{{{ park_code }}}}"],
        "feedback": ["Right: everything starts there.", "Not needed for this task.", "That does not help here."],
        "explanation": "The guide lists the steps in order; the {obj} is set up in **{ui}**.",
        "glossary": ["PBX", "hunt group", "DND", "BLF", "call park", "presence", "softphone", "auto attendant"],
        "definition": "A term from the phone system: it describes how the {obj} works on {{{{ new_system }}}}.",
        "category": "Working with the {obj}", "phase": "Phase {n}: {obj}",
        "faq_title": "Questions about the {obj}", "quiz": "Check: {role}", "page": "Welcome to the training",
        "para": "This training shows you step by step how to use {{{{ new_system }}}}. Start with your role.",
    },
    "de": {
        "object": ["Anruf", "Voicemail", "Kontakt", "Warteschlange", "Weiterleitungsregel", "Ansage", "Konferenz",
                   "Parkplatz", "Headset", "Präsenzstatus", "Anrufliste", "Kurzwahl", "Rufgruppe", "Rufnummernanzeige",
                   "Gemeinschaftsleitung"],
        "verb": ["Einrichten", "Ändern", "Prüfen", "Teilen", "Aufnehmen", "Vermitteln", "Weiterleiten", "Durchsehen",
                 "Anhalten", "Wiederherstellen"],
        "ui": ["Einstellungen", "Anrufe", "Mehr", "Voicemail", "Kontakte", "Weiterleitung", "Status", "Warteschlange",
               "Parken", "Übernehmen"],
        "step": ["Öffnen Sie **{ui}** in {{{{ desktop_app }}}}.", "Wählen Sie **{ui}** und dann **{ui2}**.",
                 "Tippen Sie auf **{ui}** und wählen Sie: {obj}.", "Drücken Sie am Tischtelefon **{ui}** und wählen Sie {{{{ park_code }}}}.",
                 "Bestätigen Sie mit **Speichern**; die Einstellung wird in Ihrem Profil gespeichert.",
                 "Prüfen Sie, ob Ihr Name und Ihre Nummer angezeigt werden."],
        "result": ["Der Eintrag erscheint in der Liste.", "Sie hören einen kurzen Ton, die Funktion ist aktiv.",
                   "Der Bildschirm zeigt eine grüne Markierung."],
        "summary": "{verb}: {obj} auf allen Geräten, einschließlich der PBX-Funktionen, die Sie von {{{{ old_system }}}} kennen.",
        "tip": "Nutzen Sie DND, während Sie arbeiten ({obj}), damit Sie kein Anruf unterbricht; Ihr Team sieht Ihre Präsenz.",
        "warning": "Ändern Sie eine Rufgruppe nicht, ohne vorher die Teamleitung zu fragen.",
        "problem": "Nach **{ui}** wird nichts angezeigt.",
        "solution": "Melden Sie sich bei {{{{ desktop_app }}}} ab und wieder an und warten Sie eine Minute; rufen Sie dann den Helpdesk unter {{{{ helpdesk_extension }}}} an.",
        "before": "Bei {{{{ old_system }}}} brauchten Sie dafür einen Code und das PBX-Handbuch.",
        "after": "Mit {{{{ new_system }}}} erledigen Sie das mit zwei Fingertipps auf jedem Gerät.",
        "role": ["Agent", "Teamleitung", "Empfang", "Assistenz", "Außendienst", "Pflegekraft", "Analyse", "Disposition"],
        "audience": "Personen, die täglich mit dieser Funktion ({obj}) arbeiten und Anrufe für ihr Team bei {{{{ org_name }}}} annehmen.",
        "task": "{verb}: {obj}, dann einen Testanruf tätigen.",
        "question": "Wie funktioniert das mit {{{{ new_system }}}} ({obj})?",
        "answer": "Wählen Sie **{ui}** und folgen Sie der Anleitung; das BLF zeigt, wenn jemand telefoniert. Der Helpdesk hilft {{{{ hours }}}}.",
        "prompt": "Welcher Schritt kommt zuerst ({obj})?",
        "option": ["**{ui}** öffnen", "Den Helpdesk anrufen", "Das Telefon neu starten", "{{{{ park_code }}}} wählen"],
        "feedback": ["Richtig: Dort beginnt alles.", "Für diese Aufgabe nicht nötig.", "Das hilft hier nicht."],
        "explanation": "Die Anleitung nennt die Schritte der Reihe nach; alles beginnt unter **{ui}**.",
        "glossary": ["PBX", "Rufgruppe", "DND", "BLF", "Parken", "Präsenz", "Softphone", "Sprachmenü"],
        "definition": "Ein Begriff aus der Telefonanlage: Er beschreibt, wie das bei {{{{ new_system }}}} funktioniert ({obj}).",
        "category": "Arbeiten mit: {obj}", "phase": "Phase {n}: {obj}",
        "faq_title": "Fragen zu: {obj}", "quiz": "Test: {role}", "page": "Willkommen zur Schulung",
        "para": "Diese Schulung zeigt Ihnen Schritt für Schritt, wie Sie {{{{ new_system }}}} nutzen. Beginnen Sie mit Ihrer Rolle.",
    },
    "es": {
        "object": ["llamada", "buzón de voz", "contacto", "cola", "regla de desvío", "saludo", "conferencia",
                   "espacio de aparcamiento", "auriculares", "estado de presencia", "historial", "marcación rápida",
                   "grupo de salto", "identificador de llamada", "línea compartida"],
        "verb": ["Configurar", "Cambiar", "Comprobar", "Compartir", "Grabar", "Transferir", "Desviar", "Revisar",
                 "Pausar", "Restaurar"],
        "ui": ["Ajustes", "Llamadas", "Más", "Buzón de voz", "Contactos", "Desvío", "Estado", "Cola", "Aparcar", "Capturar"],
        "step": ["Abra **{ui}** en {{{{ desktop_app }}}}.", "Seleccione **{ui}** y luego **{ui2}**.",
                 "Toque **{ui}** y elija: {obj}.", "Pulse **{ui}** en el teléfono de escritorio y marque {{{{ park_code }}}}.",
                 "Confirme con **Guardar**; el ajuste queda en su perfil.", "Compruebe que aparecen su nombre y su número."],
        "result": ["El elemento aparece en la lista.", "Oye un tono breve y la función queda activa.",
                   "La pantalla muestra una marca verde."],
        "summary": "{verb}: {obj} en todos los dispositivos, incluidas las funciones de la PBX que usaba en {{{{ old_system }}}}.",
        "tip": "Active DND mientras trabaja ({obj}) para que ninguna llamada le interrumpa; sus compañeros ven su presencia.",
        "warning": "No cambie un grupo de salto sin consultar antes al responsable del equipo.",
        "problem": "No aparece nada después de seleccionar **{ui}**.",
        "solution": "Cierre la sesión de {{{{ desktop_app }}}}, vuelva a iniciarla y espere un minuto; después llame al servicio de ayuda al {{{{ helpdesk_extension }}}}.",
        "before": "En {{{{ old_system }}}} necesitaba un código y el manual de la PBX.",
        "after": "Con {{{{ new_system }}}} lo hace con dos toques desde cualquier dispositivo.",
        "role": ["Agente", "Jefe de equipo", "Recepción", "Asistente", "Técnico de campo", "Enfermería", "Analista", "Despacho"],
        "audience": "Personas que trabajan a diario con esta función ({obj}) y atienden llamadas para su equipo en {{{{ org_name }}}}.",
        "task": "{verb}: {obj}, y hacer una llamada de prueba.",
        "question": "¿Cómo funciona esto con {{{{ new_system }}}} ({obj})?",
        "answer": "Seleccione **{ui}** y siga la guía; el BLF muestra cuándo alguien está ocupado. El servicio de ayuda atiende {{{{ hours }}}}.",
        "prompt": "¿Qué paso va primero ({obj})?",
        "option": ["Abrir **{ui}**", "Llamar al servicio de ayuda", "Reiniciar el teléfono", "Marcar {{{{ park_code }}}}"],
        "feedback": ["Correcto: todo empieza ahí.", "No hace falta para esta tarea.", "Eso no ayuda aquí."],
        "explanation": "La guía indica los pasos en orden; todo empieza en **{ui}**.",
        "glossary": ["PBX", "grupo de salto", "DND", "BLF", "aparcamiento", "presencia", "softphone", "operadora automática"],
        "definition": "Un término de la centralita: describe cómo funciona esto en {{{{ new_system }}}} ({obj}).",
        "category": "Trabajar con: {obj}", "phase": "Fase {n}: {obj}",
        "faq_title": "Preguntas sobre: {obj}", "quiz": "Prueba: {role}", "page": "Bienvenido a la formación",
        "para": "Esta formación le muestra paso a paso cómo usar {{{{ new_system }}}}. Empiece por su función.",
    },
    "sv": {
        "object": ["samtal", "röstbrevlåda", "kontakt", "kö", "vidarekopplingsregel", "hälsning", "konferens",
                   "parkeringsplats", "headset", "närvarostatus", "samtalshistorik", "kortnummer", "svarsgrupp",
                   "nummerpresentation", "delad linje"],
        "verb": ["Ställ in", "Ändra", "Kontrollera", "Dela", "Spela in", "Koppla", "Vidarekoppla", "Gå igenom",
                 "Pausa", "Återställ"],
        "ui": ["Inställningar", "Samtal", "Mer", "Röstbrevlåda", "Kontakter", "Vidarekoppling", "Status", "Kö",
               "Parkera", "Plocka upp"],
        "step": ["Öppna **{ui}** i {{{{ desktop_app }}}}.", "Välj **{ui}** och sedan **{ui2}**.",
                 "Tryck på **{ui}** och välj: {obj}.", "Tryck på **{ui}** på bordstelefonen och slå {{{{ park_code }}}}.",
                 "Bekräfta med **Spara**; inställningen sparas i din profil.", "Kontrollera att ditt namn och nummer visas."],
        "result": ["Posten visas i listan.", "Du hör en kort ton och funktionen är aktiv.", "Skärmen visar en grön markering."],
        "summary": "{verb}: {obj} på alla enheter, även de PBX-funktioner du använde i {{{{ old_system }}}}.",
        "tip": "Använd DND medan du arbetar ({obj}) så att inget samtal stör dig; dina kollegor ser din närvaro.",
        "warning": "Ändra inte en svarsgrupp utan att först fråga teamledaren.",
        "problem": "Inget visas när du har valt **{ui}**.",
        "solution": "Logga ut från {{{{ desktop_app }}}}, logga in igen och vänta en minut; ring sedan supporten på {{{{ helpdesk_extension }}}}.",
        "before": "I {{{{ old_system }}}} behövde du en kod och PBX-handboken.",
        "after": "I {{{{ new_system }}}} gör du det med två tryck på valfri enhet.",
        "role": ["Agent", "Teamledare", "Reception", "Assistent", "Fälttekniker", "Sjuksköterska", "Analytiker", "Utsändare"],
        "audience": "Du som varje dag arbetar med den här funktionen ({obj}) och tar samtal för ditt team på {{{{ org_name }}}}.",
        "task": "{verb}: {obj}, och ring ett testsamtal.",
        "question": "Hur fungerar det här i {{{{ new_system }}}} ({obj})?",
        "answer": "Välj **{ui}** och följ guiden; BLF visar när någon pratar i telefon. Supporten svarar {{{{ hours }}}}.",
        "prompt": "Vilket steg kommer först ({obj})?",
        "option": ["Öppna **{ui}**", "Ring supporten", "Starta om telefonen", "Slå {{{{ park_code }}}}"],
        "feedback": ["Rätt: allt börjar där.", "Behövs inte för den här uppgiften.", "Det hjälper inte här."],
        "explanation": "Guiden visar stegen i ordning; allt börjar under **{ui}**.",
        "glossary": ["PBX", "svarsgrupp", "DND", "BLF", "parkering", "närvaro", "softphone", "växelfunktion"],
        "definition": "Ett begrepp från växeln: det beskriver hur det här fungerar i {{{{ new_system }}}} ({obj}).",
        "category": "Arbeta med: {obj}", "phase": "Fas {n}: {obj}",
        "faq_title": "Frågor om: {obj}", "quiz": "Test: {role}", "page": "Välkommen till utbildningen",
        "para": "Den här utbildningen visar steg för steg hur du använder {{{{ new_system }}}}. Börja med din roll.",
    },
}

_VARIABLES = {"org_name": "Example Health", "old_system": "OldLine", "new_system": "CloudVoice",
              "desktop_app": "CloudVoice Desktop", "park_code": "*68", "helpdesk_extension": "4357",
              "cutover_date": "2027-03-10", "hours": "weekdays"}
_HOURS = {"de": "werktags", "es": "los días laborables", "sv": "vardagar"}


@dataclass(frozen=True)
class Size:
    roles: int
    features: int
    categories: int
    phases: int = 6

    @property
    def pages_per_language(self) -> int:
        # manuals, cards, quizzes per role; guides; home, indexes (roles, cards, guides, quizzes), timeline, FAQ,
        # glossary, progress, results, and two hand-written pages.
        return 3 * self.roles + self.features + 13


def size_for(pages_per_language: int) -> Size:
    """Roles and features for about ``pages_per_language`` pages: one role per 40 features, 40 features a category."""
    roles = max(2, round(pages_per_language / 46))
    features = max(4, pages_per_language - 13 - 3 * roles)
    return Size(roles=roles, features=features, categories=max(2, -(-features // 40)))


def write_project(root: Path, size: Size, languages: tuple[str, ...] = LANGUAGES, mkdocs_features: tuple[str, ...] | None = None,
                  seed: int = 7) -> Path:
    """Write the project into ``root`` (created); return ``root``."""
    gen = _Generator(root, size, languages, seed)
    gen.write()
    _write_mkdocs_yml(root, languages, mkdocs_features)
    return root


class _Generator:
    def __init__(self, root: Path, size: Size, languages: tuple[str, ...], seed: int):
        self.root, self.size, self.languages, self.seed = root, size, languages, seed
        self.features = [f"feature-{i:04d}" for i in range(size.features)]
        self.roles = [f"role-{i:03d}" for i in range(size.roles)]
        self.categories = [f"category-{i:02d}" for i in range(size.categories)]
        self.phases = [f"phase-{i}" for i in range(size.phases - 1)] + ["cutover"]
        self.role_features = {role: self._features_of(i) for i, role in enumerate(self.roles)}

    def _features_of(self, index: int) -> list[str]:
        """A contiguous slice (the role's own topics) plus a few shared basics."""
        per = max(2, len(self.features) // len(self.roles))
        own = self.features[index * per:(index + 1) * per] if index < len(self.roles) - 1 else self.features[index * per:]
        return list(dict.fromkeys(self.features[:3] + own))

    def rng(self, *key: object) -> random.Random:
        return random.Random(f"{self.seed}/" + "/".join(map(str, key)))

    def slots(self, lang: str, *key: object) -> dict[str, str]:
        r, bank = self.rng(*key), _BANK[lang]
        pick = r.randrange(len(bank["object"]))
        verb = r.randrange(len(bank["verb"]))
        ui = r.sample(range(len(bank["ui"])), 2)
        return {"obj": bank["object"][pick], "verb": bank["verb"][verb], "verbl": bank["verb"][verb].lower(),
                "ui": bank["ui"][ui[0]], "ui2": bank["ui"][ui[1]]}

    def text(self, lang: str, kind: str, *key: object, **extra: object) -> str:
        template = _BANK[lang][kind]
        if isinstance(template, list):  # the same choice in every language: seeded without the language
            template = template[self.rng(kind, *key).randrange(len(template))]
        return template.format(**self.slots(lang, *key), **extra)

    # -- writing -------------------------------------------------------------------------------------------------

    def write(self) -> None:
        catalog = self.root / "catalog"
        self.dump(catalog / "site.yaml", self.site)
        self.dump(catalog / "phases.yaml", self.phases_doc)
        self.dump(catalog / "glossary.yaml", self.glossary)
        for i, role in enumerate(self.roles):
            self.dump(catalog / "roles" / f"{role}.yaml", lambda lang, i=i, role=role: self.role(lang, i, role))
        for i, feature in enumerate(self.features):
            self.dump(catalog / "features" / f"{feature}.yaml", lambda lang, i=i, f=feature: self.feature(lang, i, f))
        for g in range(max(1, self.size.roles // 4)):
            self.dump(catalog / "faqs" / f"group-{g:02d}.yaml", lambda lang, g=g: self.faq_group(lang, g))
        for i, role in enumerate(self.roles):
            self.dump(self.root / "quizzes" / f"quiz-{role}.yaml", lambda lang, i=i, role=role: self.quiz(lang, i, role))
        for lang in self.languages:
            for page in ("welcome", "contact"):
                path = self.root / "docs" / lang / f"{page}.md"
                path.parent.mkdir(parents=True, exist_ok=True)
                body = "\n\n".join(self.text(lang, "para", page, n) for n in range(6))
                path.write_text(f"# {_BANK[lang]['page']} ({page})\n\n{body}\n\n- [{_BANK[lang]['page']}](../index.md)\n", "utf-8")

    def dump(self, path: Path, make) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        for lang in self.languages:
            target = path if lang == self.languages[0] else path.with_name(f"{path.stem}.{lang}.yaml")
            data = make(lang)
            if lang != self.languages[0]:
                data = _text_only(data)
            target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), "utf-8")

    def source(self, lang: str) -> bool:
        return lang == self.languages[0]

    def site(self, lang: str) -> dict:
        data: dict = {"categories": [{"id": c, "name": self.text(lang, "category", c)} for c in self.categories]}
        if self.source(lang):
            data = {"languages": list(self.languages), **data, "variables": dict(_VARIABLES)}
        else:
            data["variables"] = {"hours": _HOURS.get(lang, "weekdays")}
        return data

    def phases_doc(self, lang: str) -> dict:
        phases = []
        for n, pid in enumerate(self.phases, 1):
            phase = {"id": pid, "name": self.text(lang, "phase", pid, n=n), "summary": self.text(lang, "summary", pid)}
            if pid == "cutover":
                phase["when"] = "{{ cutover_date }}"
            phases.append(phase)
        return {"phases": phases}

    def glossary(self, lang: str) -> dict:
        return {"terms": [{"id": f"term-{i}", "term": term, "definition": self.text(lang, "definition", "term", i)}
                          for i, term in enumerate(_BANK[lang]["glossary"])]}

    def role(self, lang: str, index: int, role: str) -> dict:
        names = _BANK[lang]["role"]
        data: dict = {"id": role, "name": f"{names[index % len(names)]} {index + 1}",
                      "audience": self.text(lang, "audience", role),
                      "changes": [{"before": self.text(lang, "before", role, n), "after": self.text(lang, "after", role, n)}
                                  for n in range(3)],
                      "tasks": {p: [self.text(lang, "task", role, p, n) for n in range(2)] for p in self.phases}}
        if self.source(lang):
            data.update(order=index, features=self.role_features[role], quiz=f"quiz-{role}")
        return data

    def feature(self, lang: str, index: int, fid: str) -> dict:
        r = self.rng("feature", fid)
        steps = []
        for n in range(4 + r.randrange(3)):
            step = {p: self.text(lang, "step", fid, n, p) for p in PLATFORMS} if n % 2 == 0 \
                else {"text": self.text(lang, "step", fid, n)}
            if n == 1:
                step["result"] = self.text(lang, "result", fid, n)
            steps.append(step)
        s = self.slots(lang, fid)
        data: dict = {"id": fid, "title": f"{s['verb']}: {s['obj']} ({index + 1})", "summary": self.text(lang, "summary", fid),
                      "steps": steps, "tips": [self.text(lang, "tip", fid, n) for n in range(2)],
                      "warnings": [self.text(lang, "warning", fid)],
                      "troubleshooting": [{"problem": self.text(lang, "problem", fid, n), "solution": self.text(lang, "solution", fid, n)}
                                          for n in range(2)],
                      "before_after": {"before": self.text(lang, "before", fid), "after": self.text(lang, "after", fid)}}
        if self.source(lang):
            data.update(category=self.categories[index * len(self.categories) // len(self.features)], minutes=5 + index % 10)
            if index > 0:
                data["prerequisites"] = [self.features[index - 1]]
            if index + 1 < len(self.features):
                data["related"] = [self.features[index + 1]]
        return data

    def faq_group(self, lang: str, group: int) -> dict:
        faqs = []
        for n in range(8):
            faq = {"id": f"faq-{group}-{n}", "question": self.text(lang, "question", group, n),
                   "answer": self.text(lang, "answer", group, n)}
            if self.source(lang):
                faq["roles"] = ["all"] if n % 3 == 0 else [self.roles[(group * 4 + n) % len(self.roles)]]
            faqs.append(faq)
        return {"id": f"group-{group:02d}", "title": self.text(lang, "faq_title", group), "faqs": faqs}

    def quiz(self, lang: str, index: int, role: str) -> dict:
        names = _BANK[lang]["role"]
        features = self.role_features[role]
        questions = []
        for n in range(8):
            fid = features[n % len(features)]
            key = (role, n)
            q: dict = {"id": f"q{n}", "prompt": self.text(lang, "prompt", *key), "explanation": self.text(lang, "explanation", *key)}
            options = [{"id": f"o{k}", "text": _BANK[lang]["option"][k].format(**self.slots(lang, *key))} for k in range(4)]
            kind = ("single", "multiple", "true_false", "ordering")[n % 4]
            if kind in ("single", "multiple"):
                for k, option in enumerate(options[:3]):
                    option["feedback"] = _BANK[lang]["feedback"][k]
                q["options"] = options
            elif kind == "true_false":
                q["feedback_true"], q["feedback_false"] = _BANK[lang]["feedback"][0], _BANK[lang]["feedback"][1]
            else:
                q["items"] = options[:3]
            if self.source(lang):
                q = {"id": q.pop("id"), "type": kind, **q, "learn_more": f"{fid}#steps" if n % 2 else fid}
                if kind == "single":
                    q["options"][0]["correct"] = True
                elif kind == "multiple":
                    q["options"][0]["correct"] = q["options"][3]["correct"] = True
                elif kind == "true_false":
                    q["answer"] = n % 8 < 4
            questions.append(q)
        data: dict = {"id": f"quiz-{role}", "title": _BANK[lang]["quiz"].format(role=f"{names[index % len(names)]} {index + 1}"),
                      "description": self.text(lang, "para", role), "questions": questions}
        if self.source(lang):
            data.update(roles=[role], pass_mark=75)
        return data


# Keys a translation file may hold: text fields, and the ids that match list items.
_STRUCTURE_KEYS = {"languages", "features", "quiz", "category", "prerequisites", "related", "roles", "type", "learn_more"}


def _text_only(data):
    if isinstance(data, dict):
        return {k: _text_only(v) for k, v in data.items()
                if k not in _STRUCTURE_KEYS and not isinstance(v, (bool, int))}
    if isinstance(data, list):
        return [_text_only(v) for v in data]
    return data


def _write_mkdocs_yml(root: Path, languages: tuple[str, ...], features: tuple[str, ...] | None) -> None:
    """The test fixture's settings (material without web fonts, search, cutover, static-i18n per folder)."""
    names = {"en": "English", "de": "Deutsch", "es": "Español", "sv": "Svenska"}
    config = {
        "site_name": "Synthetic training",
        "repo_url": "https://git.example.org/synthetic/kb",
        "edit_uri": "edit/main/docs/",
        "validation": {"omitted_files": "warn", "absolute_links": "warn", "unrecognized_links": "warn", "anchors": "warn"},
        "theme": {"name": "material", "font": False, "features": list(features) if features is not None else ["content.action.edit", "navigation.prune"]},
        "plugins": ["search", "cutover", {"i18n": {
            "docs_structure": "folder", "fallback_to_default": True, "reconfigure_material": True,
            "build_only_locale": "__ENV__",
            "languages": [{"locale": lang, "name": names.get(lang, lang), "build": True, **({"default": True} if i == 0 else {})}
                          for i, lang in enumerate(languages)]}}],
    }
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)
    (root / "mkdocs.yml").write_text(text.replace("__ENV__", "!ENV [CUTOVER_LANGUAGE]"), "utf-8")
