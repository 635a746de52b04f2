package dev.notebooks.catalog.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;

/** Which image each notebook runs, as the notebooks topic tells; the in-use count of an image is read from it. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NotebookImageRepository extends GenericRepository<NotebookImageRow, String> {

    /**
     * Records what an event says about a notebook, unless a newer event has been recorded already (events may come out
     * of order).
     *
     * @return 1 when recorded, 0 when the stored state is newer
     */
    @Query(
            """
            INSERT INTO notebook_image (notebook, image, present, observed_at)
            VALUES (:notebook, :image, :present, :observedAt)
            ON CONFLICT (notebook) DO UPDATE
                SET image = excluded.image, present = excluded.present, observed_at = excluded.observed_at
                WHERE notebook_image.observed_at <= excluded.observed_at
            """)
    int observe(String notebook, String image, boolean present, Instant observedAt);

    long countByImageAndPresent(String image, boolean present);
}
