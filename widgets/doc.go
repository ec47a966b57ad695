// Package widgets holds Parley's reusable visual parts: the month calendar, the agenda, status
// badges, fact tables, side-by-side columns, profile and record headers, list and table
// editors, the Columns and FormGrid layouts, and the parts for keyboard and wheel: a list to
// open records from (KeyList), a page scroll the wheel reaches over fields (PageScroll), text
// areas that grow to their text (TextArea), a label that cuts the middle of a long title
// (CutLabel), a layer for tips that show such a title whole (TipLayer) and two parts side by
// side that fold one under the other in a narrow window (Fold).
//
// Widgets know nothing of the store. They take plain values (strings, time.Time, the small
// structs defined here) through constructors and SetX methods, and report what the user did
// through OnX callbacks. They never start goroutines, so every call must come from the Fyne
// goroutine; what waits (a tip's delay) is a Fyne animation, which ticks on that goroutine. Colours, sizes and fonts are read from the current theme when a widget refreshes,
// so light and dark themes both look right; the meeting-status colours have theme colour
// names of their own (ColorNameStatusScheduled, …) that a theme may give values.
package widgets
