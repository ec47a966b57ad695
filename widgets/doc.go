// Package widgets holds Parley's reusable visual parts: the month calendar, the agenda, status
// badges, fact tables, side-by-side columns, profile headers and small list editors.
//
// Widgets know nothing of the store. They take plain values (strings, time.Time, the small
// structs defined here) through constructors and SetX methods, and report what the user did
// through OnX callbacks. They never start goroutines, so every call must come from the Fyne
// goroutine. Colours, sizes and fonts are read from the current theme when a widget refreshes,
// so light and dark themes both look right.
package widgets
