package io.tokenlife.adapters.persistence;

/** The batching registry writer on H2 in memory (the database goes when its last connection closes). */
class H2RegistryWriterTest extends RegistryWriterContract {
    private String url;

    @Override
    String freshUrl() {
        if (url == null) {
            url = TestDatabases.freshH2MemoryUrl();
        }
        return url;
    }

    @Override
    void drop() {
    }
}
