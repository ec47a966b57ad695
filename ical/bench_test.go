package ical

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// BenchmarkRead reads a calendar of about 1 MB and one of 5 MB (issue 14: 5 s and 78 s
// before). Each event has a long folded DESCRIPTION, the case that was quadratic.
func BenchmarkRead(b *testing.B) {
	for _, size := range []int{1 << 20, 5 << 20} {
		data := benchCalendar(size)
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				res, err := ReadWith(bytes.NewReader(data), ReadOptions{Now: time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC)})
				if err != nil || len(res.Events) == 0 {
					b.Fatalf("read: %v, %d events", err, len(res.Events))
				}
			}
		})
	}
}

func benchCalendar(size int) []byte {
	var b icsBuffer
	b.prop("BEGIN", nil, "VCALENDAR")
	b.prop("VERSION", nil, "2.0")
	desc := bytes.Repeat([]byte("Agenda: the new approach, joint economic activity, visa-free visits. "), 60)
	for i := 0; b.b.Len() < size; i++ {
		b.prop("BEGIN", nil, "VEVENT")
		b.prop("UID", nil, fmt.Sprintf("bench-%d@example.org", i))
		b.prop("DTSTART", []param{{"TZID", "Asia/Tokyo"}}, time.Date(2016, 1, 1, 10, 0, 0, 0, time.UTC).AddDate(0, 0, i%700).Format(icsLocal))
		b.prop("DURATION", nil, "PT2H")
		b.text("SUMMARY", nil, fmt.Sprintf("Consultations, round %d", i))
		b.text("DESCRIPTION", nil, string(desc))
		b.prop("END", nil, "VEVENT")
	}
	b.prop("END", nil, "VCALENDAR")
	return b.b.Bytes()
}
