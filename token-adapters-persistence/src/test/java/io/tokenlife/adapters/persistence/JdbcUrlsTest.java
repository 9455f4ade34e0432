package io.tokenlife.adapters.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTest {
    @Test
    void anH2FileUrlGetsPostgresModeLowerCaseNamesAutoServerASocketLockAndWriteThroughCommits() {
        assertThat(JdbcUrls.complete("jdbc:h2:file:./data/tokenlife")).isEqualTo(
                "jdbc:h2:file:./data/tokenlife;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                        + "AUTO_SERVER=TRUE;FILE_LOCK=SOCKET;WRITE_DELAY=0");
    }

    @Test
    void anInMemoryH2UrlOutlivesItsConnections() {
        assertThat(JdbcUrls.complete("jdbc:h2:mem:x")).endsWith(";DB_CLOSE_DELAY=-1").doesNotContain("AUTO_SERVER");
    }

    @Test
    void optionsAlreadyGivenAreKept() {
        assertThat(JdbcUrls.complete("jdbc:h2:mem:x;mode=PostgreSQL;DB_CLOSE_DELAY=10"))
                .isEqualTo("jdbc:h2:mem:x;mode=PostgreSQL;DB_CLOSE_DELAY=10;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void aPostgresUrlIsLeftAlone() {
        String url = "jdbc:postgresql://db:5432/tokenlife?user=app";
        assertThat(JdbcUrls.complete(url)).isEqualTo(url);
    }

    @Test
    void theParentDirectoryOfAnH2FileIsCreated(@TempDir Path dir) {
        Path db = dir.resolve("nested/deeper/tokenlife");

        JdbcUrls.createH2FileDirectory("jdbc:h2:file:" + db + ";MODE=PostgreSQL");

        assertThat(Files.isDirectory(db.getParent())).isTrue();
    }

    @Test
    void theFileOfAnH2FileDatabaseIsItsPathWithTheStoreSuffixAndNothingElseHasOne() {
        assertThat(JdbcUrls.h2File("jdbc:h2:file:./data/tokenlife"))
                .contains(Path.of("data/tokenlife.mv.db").toAbsolutePath().normalize());
        assertThat(JdbcUrls.h2File("jdbc:h2:/srv/db/tokenlife;MODE=PostgreSQL")).contains(Path.of("/srv/db/tokenlife.mv.db"));
        assertThat(JdbcUrls.h2File("jdbc:h2:mem:x")).isEmpty();
        assertThat(JdbcUrls.h2File("jdbc:h2:tcp://db:9092/tokenlife")).isEmpty();
        assertThat(JdbcUrls.h2File("jdbc:postgresql://db:5432/tokenlife")).isEmpty();
    }

    @Test
    void h2ServersAreBoundToLoopbackUnlessTheOperatorChoseAnAddress() {
        String before = System.getProperty(JdbcUrls.H2_BIND_ADDRESS);
        try {
            System.setProperty(JdbcUrls.H2_BIND_ADDRESS, "10.0.0.7");
            JdbcUrls.bindH2ServersToLoopback();
            assertThat(System.getProperty(JdbcUrls.H2_BIND_ADDRESS)).isEqualTo("10.0.0.7");

            System.clearProperty(JdbcUrls.H2_BIND_ADDRESS);
            JdbcUrls.bindH2ServersToLoopback();
            assertThat(System.getProperty(JdbcUrls.H2_BIND_ADDRESS)).isEqualTo("127.0.0.1");
        } finally {
            if (before == null) {
                System.clearProperty(JdbcUrls.H2_BIND_ADDRESS);
            } else {
                System.setProperty(JdbcUrls.H2_BIND_ADDRESS, before);
            }
        }
    }
}
