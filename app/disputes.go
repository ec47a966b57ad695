package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// newDisputesScreen lists the dispute fact sheets.
func newDisputesScreen(u *ui) *listScreen[storage.Dispute] {
	return newListScreen(u, listSpec[storage.Dispute]{
		name: screenDisputes, plural: "disputes", newLabel: "New dispute",
		newPage: func() page { return newDisputeDraft(u) },
		open:    func(d storage.Dispute) page { return newDisputePage(u, d.ID) },
		empty:   "No disputes yet — press New dispute to write a fact sheet on a disputed question.",
		load:    (*storage.Store).Disputes,
		row: func() fyne.CanvasObject {
			return container.NewVBox(widgets.NewCutLabel("", true), truncated(widget.NewLabel("")))
		},
		cells: func(d storage.Dispute) []string { return []string{d.Title, disputeLine(d)} },
	})
}

// disputeLine is "Administered by Russia · claimed by Japan · Northern Territories / Южные Курилы".
func disputeLine(d storage.Dispute) string {
	var parts []string
	if d.Administrator != "" {
		parts = append(parts, "administered by "+d.Administrator)
	}
	if len(d.Claimants) > 0 {
		parts = append(parts, "claimed by "+strings.Join(d.Claimants, ", "))
	}
	var names []string
	for _, n := range d.Names {
		names = append(names, n.Name)
	}
	if len(names) > 0 {
		parts = append(parts, strings.Join(names, " / "))
	}
	return firstUpper(strings.Join(parts, " · "))
}
