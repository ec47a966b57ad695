// Reads a calendar Parley exported with ical.js (Mozilla's iCalendar library, the one
// Thunderbird uses) and checks every timed event against the dossier's own record of it (a
// bundle exported from the same database): the instant ical.js computes from the file's
// VTIMEZONE, and the local time and UTC offset it shows in that zone, must be Parley's.
//
//   node check.js calendar.ics dossier.json
//
// Prints one line of figures and every disagreement; exits 1 if there is any.
'use strict';
const fs = require('fs');
const ICAL = require('ical.js');

const [icsPath, bundlePath] = process.argv.slice(2);
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(icsPath, 'utf8')));
const zones = comp.getAllSubcomponents('vtimezone');
for (const vtz of zones) ICAL.TimezoneService.register(vtz);

// Parley's record: each exact meeting's instant, local wall time and offset, by event UID.
const dossier = JSON.parse(fs.readFileSync(bundlePath, 'utf8')).dossier;
const want = new Map();
for (const m of dossier.meetings) {
  if (!m.when || m.when.precision !== 'exact') continue;
  const iso = m.when.date; // 2016-06-22T10:00:00+09:00, in the meeting's zone
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(Z|([+-])(\d\d):(\d\d))$/.exec(iso);
  if (!match) throw new Error('unexpected date ' + iso);
  const offset = match[7] === 'Z' ? 0 : (match[8] === '-' ? -1 : 1) * (Number(match[9]) * 3600 + Number(match[10]) * 60);
  want.set(m.ical_uid || m.id + '@parley', {
    title: m.title, zone: m.when.zone, unix: Date.parse(iso) / 1000,
    wall: `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]}`, offset,
  });
}

let timed = 0, allDay = 0, checked = 0;
const problems = [];
const zonesUsed = new Set();
for (const ve of comp.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(ve);
  const start = ev.startDate;
  if (start.isDate) { allDay++; continue; }
  timed++;
  const w = want.get(ev.uid);
  if (!w) { problems.push(`${ev.uid}: an exported timed event Parley has no exact meeting for`); continue; }
  checked++;
  const tzid = ve.getFirstProperty('dtstart').getParameter('tzid');
  if (tzid) zonesUsed.add(tzid);
  const unix = start.toUnixTime();
  const wall = `${start.year}-${String(start.month).padStart(2, '0')}-${String(start.day).padStart(2, '0')} ` +
    `${String(start.hour).padStart(2, '0')}:${String(start.minute).padStart(2, '0')}`;
  const offset = start.utcOffset();
  if (unix !== w.unix) problems.push(`${w.title} (${w.zone}): ical.js reads ${new Date(unix * 1000).toISOString()}, Parley has ${new Date(w.unix * 1000).toISOString()}`);
  if (wall !== w.wall) problems.push(`${w.title} (${w.zone}): local time ${wall} in the file, ${w.wall} in Parley`);
  if (offset !== w.offset) problems.push(`${w.title} (${w.zone}): ical.js gives the offset ${offset} s, Parley ${w.offset} s`);
  if (tzid && tzid !== 'UTC' && !ICAL.TimezoneService.has(tzid)) problems.push(`${w.title}: TZID ${tzid} has no VTIMEZONE in the file`);
}
console.log(`ical.js ${process.env.ICALJS_VERSION || ''}: ${zones.length} VTIMEZONEs, ${timed} timed events (${checked} checked against the dossier, ${zonesUsed.size} zones), ${allDay} all-day events, ${problems.length} disagreements`);
for (const p of problems.slice(0, 50)) console.log('  ' + p);
process.exit(problems.length ? 1 : 0);
