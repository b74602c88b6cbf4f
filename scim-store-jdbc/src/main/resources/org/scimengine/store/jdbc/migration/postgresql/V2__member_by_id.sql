-- Entra ID checks a membership with "id eq ... and members eq ...": find the groups of a member id by index.
CREATE INDEX scim_member_by_id ON scim_member (tenant, member_id);
