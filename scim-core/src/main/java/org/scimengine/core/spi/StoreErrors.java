package org.scimengine.core.spi;

import java.util.Set;
import java.util.TreeSet;
import org.scimengine.core.error.BadRequestException;
import org.scimengine.core.error.ConflictException;
import org.scimengine.core.error.PreconditionFailedException;
import org.scimengine.core.error.ResourceNotFoundException;

/**
 * The errors {@link ResourceStore} promises, each with the detail a client can act on, so that every store
 * fails the same way in the same words.
 *
 * @since 0.1
 */
public final class StoreErrors {

    private StoreErrors() {
    }

    /** 404: the resource does not exist. */
    public static ResourceNotFoundException notFound(ResourceKey key) {
        return new ResourceNotFoundException(key.resourceType() + " " + key.id() + " not found");
    }

    /** 412: the resource is at another version than the one the caller expected. */
    public static PreconditionFailedException staleVersion(StoredResource resource, long expected) {
        return new PreconditionFailedException(resource.resourceType() + " " + resource.id() + " is at version "
                + resource.etag() + ", not " + StoredResource.etag(expected)
                + "; read it again and retry with its current version.");
    }

    /** 409 {@code uniqueness}: another resource holds the value. */
    public static ConflictException uniqueValueTaken(ResourceKey key, UniqueValue value) {
        return new ConflictException(value.attribute() + " '" + value.value() + "' is already used by "
                + (value.global() ? "another resource" : "another " + key.resourceType())
                + "; choose a different value.");
    }

    /** 400 {@code invalidValue}: a group cannot be its own member. */
    public static BadRequestException memberIsTheGroup(String groupId) {
        return BadRequestException.invalidValue("Group " + groupId + " cannot be a member of itself; remove it "
                + "from the members.");
    }

    /** 400 {@code invalidValue}: no resource of the tenant has the member's id. */
    public static BadRequestException noSuchMember(String memberId, String groupId) {
        return BadRequestException.invalidValue("No resource with id " + memberId + " exists, so it cannot be "
                + "a member of group " + groupId + "; add existing users or groups only.");
    }

    /** 400 {@code invalidValue}: the member's resource type is not one a member may have. */
    public static BadRequestException memberTypeNotAllowed(String type, String memberId, String groupId,
            Set<String> memberTypes) {
        return BadRequestException.invalidValue(type + " " + memberId + " cannot be a member of group " + groupId
                + ": members must be of type " + String.join(" or ", new TreeSet<>(memberTypes)) + ".");
    }

    /** 400 {@code invalidValue}: the member already contains the group, so adding it would make a cycle. */
    public static BadRequestException membershipCycle(String memberId, String groupId) {
        return BadRequestException.invalidValue("Group " + memberId + " already contains group " + groupId
                + " through nesting, so adding it would make the group a member of itself.");
    }
}
