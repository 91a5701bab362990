"""Fill in a form of the portal the way a careful user would: read the form from the page (its
fields and the values the page already filled in), fill what is empty with plausible data by the
field's type, submit; if the page answers with field errors, fill those fields and try again.
Used by the load/fault test and by make bench to build a valid melding or leave submission
without hard-coding the form's current field list. Python 3 standard library only."""
import html.parser
import re
import urllib.parse


class Form:
    def __init__(self, action, method, enctype):
        self.action = action
        self.method = method
        self.enctype = enctype
        self.fields = []     # [name, type, value, extra] in page order; extra: options/checked
        self.invalid = set()

    def get(self, name):
        for f in self.fields:
            if f[0] == name:
                return f[2]
        return None

    def pairs(self):
        """The name/value pairs a browser would send (checked boxes, chosen radios only)."""
        out = []
        radios = {}
        for name, typ, value, extra in self.fields:
            if typ in ("submit", "button", "reset", "file", "image"):
                continue
            if typ == "radio":
                if extra.get("checked"):
                    radios[name] = value
                continue
            if typ == "checkbox":
                if extra.get("checked"):
                    out.append((name, value or "on"))
                continue
            out.append((name, value))
        out.extend(radios.items())
        return out


class _Parser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.cur = None
        self.select = None
        self.textarea = None
        self.field_invalid = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "form":
            self.cur = Form(a.get("action", ""), (a.get("method") or "get").lower(),
                            a.get("enctype") or "application/x-www-form-urlencoded")
            self.forms.append(self.cur)
            return
        if self.cur is None:
            return
        if "utrecht-form-field--invalid" in cls or "field-error" in cls:
            self.field_invalid = True
        name = a.get("name")
        invalid = a.get("aria-invalid") == "true"
        if tag == "input" and name:
            typ = (a.get("type") or "text").lower()
            self.cur.fields.append([name, typ, a.get("value") or "",
                                    {"checked": "checked" in a, "required": "required" in a,
                                     "maxlength": a.get("maxlength")}])
            if invalid:
                self.cur.invalid.add(name)
        elif tag == "select" and name:
            self.select = [name, "select", None, {"options": [], "required": "required" in a}]
            self.cur.fields.append(self.select)
            if invalid:
                self.cur.invalid.add(name)
        elif tag == "option" and self.select is not None:
            v = a.get("value")
            self.select[3]["options"].append(v if v is not None else "")
            if "selected" in a:
                self.select[2] = v or ""
        elif tag == "textarea" and name:
            self.textarea = [name, "textarea", "", {"required": "required" in a}]
            self.cur.fields.append(self.textarea)
            if invalid:
                self.cur.invalid.add(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self.cur = None
        elif tag == "select" and self.select is not None:
            if self.select[2] is None:
                opts = self.select[3]["options"]
                self.select[2] = opts[0] if opts else ""
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[2] += data


def parse_forms(page_html):
    p = _Parser()
    p.feed(page_html)
    return p.forms


def form_with(page_html, field):
    """The first form on the page that has a field of this name."""
    for f in parse_forms(page_html):
        if any(x[0] == field for x in f.fields):
            return f
    return None


def plausible(name, typ, extra, date):
    """A value for an empty field, by its type and name."""
    n = name.lower()
    if typ == "select":
        opts = [o for o in extra.get("options", []) if o]
        return opts[0] if opts else ""
    if typ == "date" or "datum" in n or n.startswith("periode") or n in ("van", "tot", "start", "eind"):
        return date
    if typ == "email" or "email" in n:
        return "verzuim@school.demo.nl"
    if typ == "tel" or "telefoon" in n:
        return "079 123 45 67"
    if typ == "number":
        return "1"
    if typ == "textarea":
        return "Toelichting van de belastingtest."
    return "Test"


def fill(form, date, only=None, override=None):
    """Fill the empty fields (or only those named) with plausible values; override wins."""
    override = override or {}
    radios_done = set()
    for f in form.fields:
        name, typ, value, extra = f
        if name in ("csrf", "token"):
            continue
        if name in override:
            if typ in ("radio", "checkbox"):
                f[3]["checked"] = (value == override[name]) if typ == "radio" else bool(override[name])
            else:
                f[2] = override[name]
            continue
        if only is not None and name not in only:
            continue
        if typ == "radio":
            group = [g for g in form.fields if g[0] == name and g[1] == "radio"]
            if name not in radios_done and not any(g[3].get("checked") for g in group):
                group[0][3]["checked"] = True
            radios_done.add(name)
            continue
        if typ == "checkbox":
            if only is not None:
                f[3]["checked"] = True
            continue
        if typ in ("hidden", "submit", "button", "file"):
            continue
        if value == "" or only is not None:
            f[2] = plausible(name, typ, extra, date)
    return form


def encode(pairs):
    return urllib.parse.urlencode(pairs)


def errors_of(page_html):
    """The field error texts shown on a page (for messages when a submission is refused)."""
    return [re.sub(r"\s+", " ", m).strip() for m in
            re.findall(r'class="[^"]*(?:field-error|utrecht-form-field-error-message)[^"]*"[^>]*>(.*?)<', page_html, re.S)]
