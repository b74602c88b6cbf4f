package org.scimengine.core.spi;

import java.util.List;

/**
 * One page of a group's members.
 *
 * @param members the members on this page, each with its type filled in
 * @param total how many direct members the group has
 * @since 0.1
 */
public record MemberPage(List<Member> members, long total) {

    public MemberPage {
        members = List.copyOf(members);
    }
}
