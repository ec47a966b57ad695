// Package ical is Parley's iCalendar (.ics, RFC 5545), both ways, with one vocabulary for the
// two directions (dialect.go).
//
// Write turns the dated meetings of a dossier into a calendar file that Outlook, Google
// Calendar, Apple Calendar and Thunderbird can open: one VEVENT per meeting, one VTIMEZONE per
// zone used (UTC needs none), and X-PARLEY-* properties for what plain iCalendar cannot say.
//
// Read turns a calendar file, from those programs or from Parley itself, into meetings without
// touching the database; Apply writes them into the store in one transaction, matching events
// to meetings by UID; Import does both.
//
// docs/icalendar.md has the rules, for users.
package ical
