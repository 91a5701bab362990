"""A valid melding submission for a student, built from the live form (tests/load/formfill.py):
used by the fault test and by make bench. The form carries a hidden idempotency token; each
submission gets a fresh one, so replaying the same body with the same token must not add a row."""
import os
import re
import secrets
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, "..", "e2e")]
import formfill  # noqa: E402


class NotReady(Exception):
    """The page or form this needs is not there (yet)."""


def melding_path(student_id):
    return "/school/leerlingen/%d/melding" % student_id


def prepare_melding(client, student_id, soort="overig", date=None):
    """Log-in done by the caller (a school account). Returns (path, pairs) of a submission the
    server accepted once (so the body is known to be valid); pairs hold csrf and token fields.
    Raises NotReady when the form is not there."""
    path = melding_path(student_id)
    r = client.get(path + "?soort=" + soort)
    if r.status != 200:
        raise NotReady("GET %s?soort=%s answered %d" % (path, soort, r.status))
    form = formfill.form_with(r.text, "token")
    if form is None:
        raise NotReady("no form with an idempotency token on %s" % path)
    if date is None:
        m = re.search(r'name="periode_start"[^>]*value="(\d{4}-\d{2}-\d{2})"', r.text)
        date = m.group(1) if m else "2026-11-02"
    formfill.fill(form, date, override={"soort": soort})
    last = None
    for _ in range(4):
        pairs = form.pairs()
        if not any(k == "soort" for k, _ in pairs):
            pairs.append(("soort", soort))
        resp = client.post(path, pairs)
        if resp.status == 303:
            return path, pairs
        last = resp
        if resp.status != 422:
            break
        again = formfill.form_with(resp.text, "token")
        if again is None or not again.invalid:
            break
        form = formfill.fill(again, date, only=again.invalid)
    raise NotReady("the melding form was refused (%s): %s" % (
        last.status if last else "?", "; ".join(formfill.errors_of(last.text))[:500] if last else ""))


def with_token(pairs, token=None):
    """The same submission with a new idempotency token."""
    token = token or secrets.token_hex(16)
    return [(k, token if k == "token" else v) for k, v in pairs], token
