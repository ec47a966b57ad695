package storage

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// The IANA database's own tables of zones by country (tzdb/README.md): they let a user name
// a zone by its city or country, as people do ("10:00 Tokyo").
var (
	//go:embed tzdb/zone.tab
	zoneTab string
	//go:embed tzdb/iso3166.tab
	countryTab string
)

// Zone is one IANA time zone with the names a person may know it by.
type Zone struct {
	Name    string // "Asia/Tokyo"
	City    string // "Tokyo"
	Country string // "Japan"
}

var zoneTable = sync.OnceValue(func() []Zone {
	countries := map[string]string{}
	for _, f := range tabRows(countryTab) {
		if len(f) >= 2 {
			countries[f[0]] = f[1]
		}
	}
	var zones []Zone
	for _, f := range tabRows(zoneTab) {
		if len(f) < 3 {
			continue
		}
		name := f[2]
		city := name[strings.LastIndex(name, "/")+1:]
		zones = append(zones, Zone{Name: name, City: strings.ReplaceAll(city, "_", " "), Country: countries[f[0]]})
	}
	zones = append(zones, Zone{Name: "UTC", City: "", Country: ""})
	sort.Slice(zones, func(i, j int) bool { return zones[i].Name < zones[j].Name })
	return zones
})

func tabRows(tab string) [][]string {
	var rows [][]string
	sc := bufio.NewScanner(strings.NewReader(tab))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}

// Zones lists the zones whose IANA name, city or country contains query (case-insensitive),
// those whose city or country is query itself first: the type-ahead of a zone picker.
func Zones(query string) []Zone {
	q := strings.ToLower(strings.TrimSpace(query))
	var exact, partial []Zone
	for _, z := range zoneTable() {
		name, city, country := strings.ToLower(z.Name), strings.ToLower(z.City), strings.ToLower(z.Country)
		switch {
		case q == "":
			partial = append(partial, z)
		case name == q || city == q || country == q:
			exact = append(exact, z)
		case strings.Contains(name, q) || strings.Contains(city, q) || strings.Contains(country, q):
			partial = append(partial, z)
		}
	}
	return append(exact, partial...)
}

// abbreviations are the zone abbreviations that name one zone only. Others ("IST": India,
// Ireland or Israel; "CST": China or Central America) are refused with a request for the city.
var abbreviations = map[string]string{
	"jst": "Asia/Tokyo", "kst": "Asia/Seoul", "msk": "Europe/Moscow", "hkt": "Asia/Hong_Kong",
	"sgt": "Asia/Singapore", "pkt": "Asia/Karachi", "nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland",
	"cet": "CET", "cest": "CET", "eet": "EET", "eest": "EET", "utc": "UTC", "gmt": "UTC",
}

// ambiguousAbbreviations are abbreviations several zones share.
var ambiguousAbbreviations = map[string]string{
	"ist": "India, Ireland or Israel", "cst": "China, Cuba or the central United States",
	"bst": "Britain or Bangladesh", "ast": "Arabia or the Atlantic", "est": "the eastern United States or Australia",
}

// ZoneNamed finds the IANA zone a person means by name: an IANA name ("Asia/Tokyo"), a city
// ("Tokyo", "new york"), a country with a single zone ("Japan"), or an abbreviation that
// names one zone only ("JST"). Case does not matter.
func ZoneNamed(name string) (string, error) {
	n := strings.TrimSpace(name)
	if n == "" {
		return "", fmt.Errorf("no time zone given")
	}
	if IsDefinedZone(n) {
		return n, nil // a zone of its own, from a calendar file, as Parley prints it
	}
	low := strings.ToLower(n)
	if z, ok := abbreviations[low]; ok {
		return z, nil
	}
	if where, ok := ambiguousAbbreviations[low]; ok {
		return "", fmt.Errorf("%q may be the time of %s: give the city, e.g. Tokyo or Europe/London", n, where)
	}
	var byCity, byCountry []string
	for _, z := range zoneTable() {
		switch {
		case strings.EqualFold(z.Name, n):
			return z.Name, nil
		case strings.EqualFold(z.City, n):
			byCity = append(byCity, z.Name)
		case strings.EqualFold(z.Country, n):
			byCountry = append(byCountry, z.Name)
		}
	}
	switch {
	case len(byCity) == 1:
		return byCity[0], nil
	case len(byCountry) == 1:
		return byCountry[0], nil
	}
	// Zone names outside the country tables: Etc/GMT+3, CET, and the old aliases.
	if low != "local" && !strings.ContainsAny(n, " ") {
		if _, err := time.LoadLocation(n); err == nil {
			return n, nil
		}
	}
	switch {
	case len(byCountry) > 1:
		return "", fmt.Errorf("%s has several time zones (%s…): give the city", n, strings.Join(byCountry[:min(3, len(byCountry))], ", "))
	}
	return "", fmt.Errorf("%q is not a known time zone (use a name such as Asia/Tokyo, or a city such as Tokyo)", n)
}
