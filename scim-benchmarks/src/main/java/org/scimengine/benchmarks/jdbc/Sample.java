package org.scimengine.benchmarks.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random existing users of a loaded database, drawn with a fixed seed among the generated ones (not the spares):
 * their {@code userName} and {@code externalId} as stored, and in the folded form the store indexes.
 */
final class Sample {

    final String[] userNames;
    final String[] userNamesFolded;
    final String[] externalIds;
    final String[] externalIdsFolded;

    private Sample(int size) {
        userNames = new String[size];
        userNamesFolded = new String[size];
        externalIds = new String[size];
        externalIdsFolded = new String[size];
    }

    int size() {
        return userNames.length;
    }

    static Sample draw(BenchDatabase db, int size, long seed) {
        try (Connection connection = db.dataSource().getConnection()) {
            List<Long> pks = new ArrayList<>(db.users());
            try (PreparedStatement select = connection.prepareStatement("SELECT pk FROM scim_resource"
                    + " WHERE tenant = ? AND type = 'User' ORDER BY pk LIMIT ?")) {
                select.setString(1, BenchDatabase.TENANT);
                select.setInt(2, db.users());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        pks.add(rows.getLong(1));
                    }
                }
            }
            Collections.shuffle(pks, new Random(seed));
            List<Long> chosen = pks.subList(0, size);
            Map<Long, Integer> position = new HashMap<>();
            for (int i = 0; i < size; i++) {
                position.put(chosen.get(i), i);
            }
            Sample sample = new Sample(size);
            int chunk = 500;
            for (int from = 0; from < size; from += chunk) {
                List<Long> part = chosen.subList(from, Math.min(size, from + chunk));
                String marks = String.join(",", Collections.nCopies(part.size(), "?"));
                try (PreparedStatement select = connection.prepareStatement("SELECT res, attr, s_fold,"
                        + " coalesce(s_exact, s_fold) FROM scim_value WHERE res IN (" + marks + ")"
                        + " AND attr IN ('userName', 'externalId') AND sub = ''")) {
                    for (int i = 0; i < part.size(); i++) {
                        select.setLong(i + 1, part.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            int i = position.get(rows.getLong(1));
                            if (rows.getString(2).equals("userName")) {
                                sample.userNamesFolded[i] = rows.getString(3);
                                sample.userNames[i] = rows.getString(4);
                            } else {
                                sample.externalIdsFolded[i] = rows.getString(3);
                                sample.externalIds[i] = rows.getString(4);
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < size; i++) {
                if (sample.userNames[i] == null || sample.externalIds[i] == null) {
                    throw new IllegalStateException("user " + chosen.get(i) + " has no userName or externalId");
                }
            }
            return sample;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
