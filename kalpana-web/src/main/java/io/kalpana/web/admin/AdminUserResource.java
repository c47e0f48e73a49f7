package io.kalpana.web.admin;

import io.kalpana.identity.Caller;
import io.kalpana.identity.NewUser;
import io.kalpana.identity.Role;
import io.kalpana.identity.User;
import io.kalpana.identity.UserService;
import io.kalpana.identity.Username;
import io.kalpana.problem.KalpanaException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Accounts, for administrators. */
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
public class AdminUserResource {

    @Inject
    UserService users;

    @Inject
    Caller caller;

    public record CreateUserRequest(String username, String password, String displayName, String email,
                                    List<String> roles) {
    }

    public record UserJson(String username, String displayName, String email, List<String> roles, String createdAt) {

        static UserJson of(User user) {
            return new UserJson(user.username().value(), user.displayName(), user.email(),
                    user.roles().stream().map(Role::roleName).sorted().toList(), user.createdAt().toString());
        }
    }

    @GET
    @Operation(summary = "List all accounts")
    public List<UserJson> list() {
        return users.list().stream().map(UserJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account; roles default to [\"user\"]")
    public Response create(CreateUserRequest request) {
        if (request == null) {
            throw KalpanaException.invalid("missing_body", "Send {\"username\": ..., \"password\": ..., \"roles\": [...]}");
        }
        User user = users.create(caller.username(), new NewUser(Username.of(request.username()), request.displayName(),
                request.email(), request.password(), roles(request.roles())));
        return Response.status(Response.Status.CREATED).entity(UserJson.of(user)).build();
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null) {
            return roles;
        }
        for (String name : names) {
            try {
                roles.add(Role.fromRoleName(name == null ? "" : name.strip()));
            } catch (IllegalArgumentException unknown) {
                throw KalpanaException.invalid("unknown_role", "There is no role '" + name + "'; use 'user' or 'admin'");
            }
        }
        return roles;
    }
}
