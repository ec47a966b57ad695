package sample

// Fixed IDs of the sample dossier's records. They never change, so a sample loaded twice, or on
// two laptops, is the same set of records, and tests and screens can point at them by name.
const (
	// TrackID is the Japan–Russia peace treaty talks.
	TrackID = "de7d7fe9-fb9a-4cad-90a5-368930c14eac"

	// Meetings, oldest first.
	MoscowRoundID  = "c08f7a2a-633c-44d5-bc99-89c50a5c40ec" // round 1, Moscow, Oct 2015
	MayAgreementID = "7d656e3b-2a49-4b6f-9a0d-46eb2f01ce04" // Abe–Putin, Sochi, May 2016: the "new approach"
	NaryshkinAbeID = "08319355-917a-4469-a58c-6e6a6ea4ee53" // Naryshkin calls on Abe, Tokyo, Thu 16 Jun 2016
	TokyoRoundID   = "d1adde86-af12-4bc7-888a-600a89949a68" // round 2, Tokyo, Wed 22 Jun 2016
	VladivostokID  = "924e5cec-3c39-471d-a1f8-7ba29a986f05" // proposed Abe–Putin meeting, Sep 2016
	PutinVisitID   = "1532d6ac-e969-4c56-9ee4-081c58728c76" // Putin's visit to Japan, by end of 2016

	// DisputeID is the Northern Territories / Southern Kurils fact sheet.
	DisputeID = "0e14249c-dddc-4a78-93e7-81b01fbe4044"

	// Sources.
	ArticleSourceID     = "5626e7f9-db37-49e5-90eb-63e81d95c779" // the news report the sample is built from
	DeclarationSourceID = "6ec5fd83-232f-43bf-812b-a7f9b061ed7d" // the 1956 Joint Declaration
	ReferenceSourceID   = "a902285c-c773-41a7-b8c2-230ee59fd890" // the compiler's general reference notes

	// Actors.
	KishidaID   = "076eb957-b368-475f-aed4-f1204421e3f4"
	HaradaID    = "7558ae3c-8a48-4069-8dac-ac69b6b140c3"
	MorgulovID  = "40993724-1f0a-4682-abd9-bd8763d23dff"
	AbeID       = "577cc649-5d20-4b3a-909e-6eaafc6302a1"
	PutinID     = "e63daeb1-639c-470b-a223-08240bc823a3"
	NaryshkinID = "2aeef159-38cc-4cc8-88a9-e10760353e19"

	// Statements.
	KishidaHopeStatementID     = "6af2b3db-2577-4d2c-811d-981acefa189c"
	NaryshkinEventsStatementID = "b8883802-d6fd-4f68-a4d0-5c13692da4b3"
	NaryshkinTrustStatementID  = "1b2a121a-f7f7-4f99-a112-2b38ee64d602"
	NaryshkinInviteStatementID = "4e55fa96-dd55-4b3b-b5ee-955dffc95927"
	NaryshkinVisitStatementID  = "3b70257f-2df0-4d6b-952c-4f17c0b61a7c"
)
