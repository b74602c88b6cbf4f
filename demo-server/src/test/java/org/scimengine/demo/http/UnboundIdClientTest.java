package org.scimengine.demo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.List;
import java.util.UUID;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.JerseyClientBuilder;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.scimengine.demo.account.AuthType;

/**
 * A third-party client, the UnboundID SCIM 2 SDK's {@link ScimService}, against the running demo with a Bearer
 * integration: it creates, reads, replaces, patches, searches (GET and POST {@code .search}) and deletes users
 * and groups, and reads the discovery endpoints into its own types.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnboundIdClientTest {

    private final RunningDemo running = new RunningDemo();
    private final String token = running.integration("acme", "UnboundID", AuthType.BEARER).bearerToken();
    /** Jersey's client on the JDK HttpClient, which sends PATCH (HttpURLConnection cannot). */
    private final Client client = JerseyClientBuilder.createClient(new ClientConfig()
                    .connectorProvider(new JavaNetHttpConnectorProvider()))
            .register((ClientRequestFilter) request -> request.getHeaders().putSingle("Authorization",
                    "Bearer " + token));
    private final ScimService scim = new ScimService(client.target(running.scim()));

    @AfterAll
    void stop() {
        client.close();
        running.close();
    }

    private static UserResource newUser() {
        String userName = "unboundid-" + UUID.randomUUID() + "@example.com";
        return new UserResource().setUserName(userName)
                .setName(new Name().setGivenName("Barbara").setFamilyName("Jensen"))
                .setEmails(List.of(new Email().setValue(userName).setType("work").setPrimary(true)))
                .setActive(true);
    }

    @Test
    void usersRoundTrip() throws ScimException {
        UserResource created = scim.create("Users", newUser());
        String id = created.getId();
        assertThat(id).isNotBlank();
        assertThat(created.getMeta().getLocation().toString()).isEqualTo(running.scim() + "Users/" + id);
        assertThat(created.getMeta().getVersion()).isNotBlank();

        UserResource read = scim.retrieve("Users", id, UserResource.class);
        assertThat(read.getUserName()).isEqualTo(created.getUserName());
        assertThat(read.getName().getFamilyName()).isEqualTo("Jensen");
        // A conditional GET of an unchanged resource: the server answers 304 and the client keeps its copy.
        assertThat(scim.retrieve(read).getId()).isEqualTo(id);

        read.setDisplayName("Babs Jensen");
        UserResource replaced = scim.replace(read);
        assertThat(replaced.getDisplayName()).isEqualTo("Babs Jensen");
        assertThat(replaced.getMeta().getVersion()).isNotEqualTo(created.getMeta().getVersion());

        UserResource patched = scim.modifyRequest("Users", id)
                .replaceValue("nickName", "Babs")
                .replaceValue("active", false)
                .invoke(UserResource.class);
        assertThat(patched.getNickName()).isEqualTo("Babs");
        assertThat(patched.getActive()).isFalse();

        ListResponse<UserResource> byGet = scim.searchRequest("Users")
                .filter(Filter.eq("userName", created.getUserName()))
                .invoke(UserResource.class);
        assertThat(byGet.getTotalResults()).isEqualTo(1);
        assertThat(byGet.getResources().get(0).getId()).isEqualTo(id);

        ListResponse<UserResource> byPost = scim.searchRequest("Users")
                .filter(Filter.and(Filter.eq("userName", created.getUserName()), Filter.eq("active", false)))
                .attributes("userName", "nickName")
                .invokePost(UserResource.class);
        assertThat(byPost.getTotalResults()).isEqualTo(1);
        assertThat(byPost.getResources().get(0).getNickName()).isEqualTo("Babs");
        assertThat(byPost.getResources().get(0).getName()).isNull();

        scim.delete("Users", id);
        assertThatThrownBy(() -> scim.retrieve("Users", id, UserResource.class))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.getScimError().getStatus()).isEqualTo(404);
                    assertThat(e.getScimError().getDetail()).contains(id);
                });
    }

    @Test
    void groupsRoundTrip() throws ScimException {
        UserResource alice = scim.create("Users", newUser());
        UserResource bob = scim.create("Users", newUser());
        GroupResource created = scim.create("Groups", new GroupResource().setDisplayName("Engineering")
                .setMembers(new Member().setValue(alice.getId())));
        String id = created.getId();
        assertThat(created.getMembers()).extracting(Member::getValue).containsExactly(alice.getId());

        GroupResource patched = scim.modifyRequest("Groups", id)
                .addValues("members", new Member().setValue(bob.getId()))
                .replaceValue("displayName", "Platform")
                // The demo answers a group PATCH with 204 unless the request asks for attributes back.
                .attributes("displayName", "members")
                .invoke(GroupResource.class);
        assertThat(patched.getDisplayName()).isEqualTo("Platform");
        assertThat(patched.getMembers()).extracting(Member::getValue)
                .containsExactlyInAnyOrder(alice.getId(), bob.getId());

        GroupResource read = scim.retrieve("Groups", id, GroupResource.class);
        read.setMembers(List.of(new Member().setValue(bob.getId())));
        GroupResource replaced = scim.replace(read);
        assertThat(replaced.getMembers()).extracting(Member::getValue).containsExactly(bob.getId());
        assertThat(scim.retrieve("Users", bob.getId(), UserResource.class).getGroups())
                .extracting(group -> group.getValue()).containsExactly(id);

        ListResponse<GroupResource> byGet = scim.searchRequest("Groups")
                .filter(Filter.eq("displayName", "platform"))
                .excludedAttributes("members")
                .invoke(GroupResource.class);
        assertThat(byGet.getTotalResults()).isEqualTo(1);
        assertThat(byGet.getResources().get(0).getMembers()).isNull();

        ListResponse<GroupResource> byPost = scim.searchRequest("Groups")
                .filter("members.value eq \"" + bob.getId() + "\"")
                .invokePost(GroupResource.class);
        assertThat(byPost.getResources()).extracting(GroupResource::getId).containsExactly(id);

        scim.delete("Groups", id);
        assertThat(scim.searchRequest("Groups").filter(Filter.eq("displayName", "Platform"))
                .invoke(GroupResource.class).getTotalResults()).isZero();
        assertThat(scim.retrieve("Users", bob.getId(), UserResource.class).getGroups()).isNull();
    }

    @Test
    void theDiscoveryEndpointsReadIntoTheClientsTypes() throws ScimException {
        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertThat(config.getPatch().isSupported()).isTrue();
        assertThat(config.getBulk().getMaxPayloadSize()).isPositive();

        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();
        assertThat(types.getResources()).extracting(type -> type.getEndpoint().toString())
                .containsExactly("/Users", "/Groups");
        assertThat(scim.getResourceType("User").getSchemaExtensions()).hasSize(3);

        ListResponse<SchemaResource> schemas = scim.getSchemas();
        assertThat(schemas.getResources()).extracting(schema -> schema.getId()).contains(RunningDemo.SAP);
        SchemaResource user = scim.getSchema(RunningDemo.USER);
        assertThat(user.getAttributes()).extracting(attribute -> attribute.getName()).contains("userName", "emails");
    }

    @Test
    void errorsReachTheClientAsItsScimExceptions() {
        assertThatThrownBy(() -> scim.create("Users", new UserResource()))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.getScimError().getStatus()).isEqualTo(400);
                    assertThat(e.getScimError().getScimType()).isEqualTo("invalidValue");
                });
        assertThatThrownBy(() -> scim.searchRequest("Users").filter("userName eq").invoke(UserResource.class))
                .isInstanceOfSatisfying(ScimException.class, e ->
                        assertThat(e.getScimError().getScimType()).isEqualTo("invalidFilter"));
    }
}
