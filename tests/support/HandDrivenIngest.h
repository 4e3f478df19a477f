#pragma once

#include "ingest/IngestInbox.h"
#include "store/JournalWorker.h"
#include "store/StoreWorker.h"

// The journal and the store worker on the test's thread, wired as the StoreService wires
// them on theirs: deliveries are posted to `inbox` and drained by hand (journal.drain());
// what they change is applied when the test spins the event loop or calls catchUp().
// Opening the worker opens the journal beside its store.
struct HandDrivenIngest {
    HandDrivenIngest()
        : inbox([] {})
    {
        journal.setInbox(&inbox);
        connectJournal(&journal, &worker);
    }

    IngestInbox inbox; // first: the workers let go of it before it goes
    StoreWorker worker;
    JournalWorker journal;
};
