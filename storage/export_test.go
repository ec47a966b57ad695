package storage

// SetBulkIndexes turns the making of indexes after the rows of an import into an empty
// database on or off, for the test that compares both, and returns a function that puts it
// back.
func SetBulkIndexes(on bool) (restore func()) {
	was := bulkIndexes
	bulkIndexes = on
	return func() { bulkIndexes = was }
}
