"""Reads a calendar Parley exported with python-icalendar (a second, independent reader) and
checks every timed event against the dossier's own record of it (a bundle from the same
database): the instant the library computes from the file's VTIMEZONE must be Parley's.

    python3 check.py calendar.ics dossier.json

Prints one line of figures and every disagreement; exits 1 if there is any.
"""
import datetime
import json
import sys

import icalendar

ics_path, bundle_path = sys.argv[1:3]
cal = icalendar.Calendar.from_ical(open(ics_path, "rb").read())
want = {}
for m in json.load(open(bundle_path, encoding="utf-8"))["dossier"]["meetings"]:
    when = m.get("when") or {}
    if when.get("precision") != "exact":
        continue
    at = datetime.datetime.fromisoformat(when["date"].replace("Z", "+00:00"))
    want[m.get("ical_uid") or m["id"] + "@parley"] = (m["title"], when.get("zone"), at)

zones = [c for c in cal.walk("VTIMEZONE")]
timed = all_day = checked = 0
problems = []
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    if not isinstance(start, datetime.datetime):
        all_day += 1
        continue
    timed += 1
    uid = str(ev.get("UID"))
    if uid not in want:
        problems.append("%s: an exported timed event Parley has no exact meeting for" % uid)
        continue
    title, zone, at = want[uid]
    if start.tzinfo is None:
        problems.append("%s (%s): the library found no zone for DTSTART" % (title, zone))
        continue
    checked += 1
    if start.astimezone(datetime.timezone.utc) != at.astimezone(datetime.timezone.utc):
        problems.append("%s (%s): python-icalendar reads %s, Parley has %s" % (title, zone, start.isoformat(), at.isoformat()))
    if start.utcoffset() != at.utcoffset():
        problems.append("%s (%s): offset %s in the file, %s in Parley" % (title, zone, start.utcoffset(), at.utcoffset()))

print("python-icalendar %s: %d VTIMEZONEs, %d timed events (%d checked against the dossier), %d all-day events, %d disagreements"
      % (icalendar.__version__, len(zones), timed, checked, all_day, len(problems)))
for p in problems[:50]:
    print("  " + p)
sys.exit(1 if problems else 0)
