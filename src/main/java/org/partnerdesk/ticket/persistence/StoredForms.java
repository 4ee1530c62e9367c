package org.partnerdesk.ticket.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.partnerdesk.ticket.TicketField;
import org.partnerdesk.ticket.TicketForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The ticket_forms and ticket_fields tables: read at start-up and rarely after. */
@Repository
public class StoredForms {

    private final JdbcClient db;
    private final JsonMapper json;

    StoredForms(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public List<TicketForm> forms() {
        return db.sql("select id, name, display_name, position, active, end_user_visible, ticket_field_ids, created_at, updated_at"
                        + " from ticket_forms order by position, id")
                .query(StoredForms::form).list();
    }

    public List<TicketField> fields() {
        return db.sql("select id, type, title, description, required, position, active, system, custom_field_options::text,"
                        + " created_at, updated_at from ticket_fields order by position, id")
                .query(this::field).list();
    }

    private static TicketForm form(ResultSet rs, int row) throws SQLException {
        return new TicketForm(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                rs.getBoolean(6), ids(rs.getArray(7)), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
    }

    private TicketField field(ResultSet rs, int row) throws SQLException {
        List<TicketField.Option> options = json.readValue(rs.getString(9), new TypeReference<List<TicketField.Option>>() { });
        return new TicketField(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8), options, rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11).toInstant());
    }

    private static List<Long> ids(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }
}
