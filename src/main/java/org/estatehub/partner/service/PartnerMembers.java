package org.estatehub.partner.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.estatehub.api.model.EstateHubRole;
import org.estatehub.api.model.MemberInvitation;
import org.estatehub.api.model.PartnerMember;
import org.estatehub.api.model.PartnerRole;
import org.estatehub.common.problem.ProblemException;
import org.estatehub.common.tenancy.Caller;
import org.estatehub.common.tenancy.Roles;
import org.estatehub.history.AuditActions;
import org.estatehub.history.service.AuditLog;
import org.estatehub.partner.keycloak.KeycloakRealm;
import org.estatehub.partner.keycloak.KeycloakRealm.Organization;
import org.estatehub.partner.keycloak.KeycloakRealm.User;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A partner's members (its Keycloak organization's) and their EstateHub realm roles. Keycloak holds them;
 * EstateHub records every change in the partner's access history. Each change is made in Keycloak first
 * and recorded after, in one transaction: a Keycloak failure records nothing, and only a database failure
 * in the instant after Keycloak answered could leave a change unrecorded.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PartnerMembers {

    @Inject
    Caller caller;

    @Inject
    PartnerService partners;

    @Inject
    PartnerOrganizations organizations;

    @Inject
    KeycloakRealm realm;

    @Inject
    AuditLog audit;

    public record MemberPage(List<PartnerMember> items, long total) {
    }

    /** A member who joined (201) or an email invited to register (202). */
    public record Invited(Optional<PartnerMember> member, String email) {
    }

    /** 404 for an unknown partner, 403 unless the caller administers it (the programme office, its partner-admin). */
    public void requireAdministers(String partnerId) {
        partners.get(partnerId);
        if (!caller.administers(partnerId)) {
            throw ProblemException.forbidden("Only the programme office (pmo-admin) and partner '" + partnerId
                    + "''s own partner-admin manage its members and identity provider.");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberPage list(String partnerId, int limit, int offset) {
        requireAdministers(partnerId);
        Optional<Organization> organization = realm.organization(partnerId);
        if (organization.isEmpty()) {
            // No organization, no members (the repair check reports the missing organization).
            return new MemberPage(List.of(), 0);
        }
        String id = organization.get().id();
        List<PartnerMember> items = realm.members(id, offset, limit).stream().map(this::member).toList();
        return new MemberPage(items, realm.memberCount(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerMember get(String partnerId, String memberId) {
        requireAdministers(partnerId);
        return member(requireMember(partnerId, memberId).user());
    }

    public Invited invite(String partnerId, MemberInvitation invitation) {
        requireAdministers(partnerId);
        String email = invitation.getEmail().strip().toLowerCase(Locale.ROOT);
        Organization organization = organizations.require(partnerId);
        Optional<User> existing = realm.userByEmail(email);
        if (existing.isPresent()) {
            User user = existing.get();
            List<String> memberOf = realm.organizationsOf(user.id());
            if (memberOf.contains(partnerId)) {
                throw ProblemException.conflict("The user with this email is already a member of partner '" + partnerId + "'.");
            }
            if (!memberOf.isEmpty()) {
                // A person works for one partner: a token naming two would be refused anyway (issue #18 item 1).
                throw ProblemException.conflict("The user with this email already belongs to another partner;"
                        + " the programme office removes them there first.");
            }
            realm.addMember(organization.id(), user.id());
            PartnerMember member = member(user);
            audit.record(PartnerAccessAuditScope.subject(PartnerAccessAuditScope.MEMBER, user.id(), partnerId),
                    AuditActions.MEMBER_ADDED, null, doc(member, true));
            return new Invited(Optional.of(member), email);
        }
        realm.invite(organization.id(), email, blankToNull(invitation.getFirstName()), blankToNull(invitation.getLastName()));
        ObjectNode invited = audit.snapshot(invitation);
        invited.put("email", email);
        invited.put("status", "INVITED");
        audit.record(PartnerAccessAuditScope.subject(PartnerAccessAuditScope.MEMBER, email, partnerId),
                AuditActions.MEMBER_INVITED, null, invited);
        return new Invited(Optional.empty(), email);
    }

    public PartnerMember grant(String partnerId, String memberId, PartnerRole role) {
        requireAdministers(partnerId);
        Found found = requireMember(partnerId, memberId);
        Set<String> held = realm.realmRoles(found.user().id());
        requireManageable(held);
        PartnerMember before = member(found.user(), held);
        if (held.contains(role.toString())) {
            return before;
        }
        realm.grantRealmRole(found.user().id(), role.toString());
        PartnerMember after = member(found.user());
        audit.record(PartnerAccessAuditScope.subject(PartnerAccessAuditScope.MEMBER, memberId, partnerId),
                AuditActions.ROLE_GRANTED, doc(before, true), doc(after, true), role.toString());
        return after;
    }

    public PartnerMember withdraw(String partnerId, String memberId, PartnerRole role) {
        requireAdministers(partnerId);
        Found found = requireMember(partnerId, memberId);
        Set<String> held = realm.realmRoles(found.user().id());
        requireManageable(held);
        PartnerMember before = member(found.user(), held);
        if (!held.contains(role.toString())) {
            return before;
        }
        realm.withdrawRealmRole(found.user().id(), role.toString());
        PartnerMember after = member(found.user());
        audit.record(PartnerAccessAuditScope.subject(PartnerAccessAuditScope.MEMBER, memberId, partnerId),
                AuditActions.ROLE_WITHDRAWN, doc(before, true), doc(after, true), role.toString());
        return after;
    }

    public PartnerMember remove(String partnerId, String memberId) {
        requireAdministers(partnerId);
        Found found = requireMember(partnerId, memberId);
        Set<String> held = realm.realmRoles(found.user().id());
        requireManageable(held);
        PartnerMember before = member(found.user(), held);
        // Out of the organization first: a user left with a partner role but no organization has no partner
        // in their token, which the API refuses, whereas the reverse order could leave a member with no role
        // recorded as removed.
        realm.removeMember(found.organization().id(), found.user().id());
        for (String role : Roles.PARTNER_ROLES) {
            if (held.contains(role)) {
                realm.withdrawRealmRole(found.user().id(), role);
            }
        }
        PartnerMember after = member(found.user());
        audit.record(PartnerAccessAuditScope.subject(PartnerAccessAuditScope.MEMBER, memberId, partnerId),
                AuditActions.MEMBER_REMOVED, doc(before, true), doc(after, false));
        return after;
    }

    private record Found(Organization organization, User user) {
    }

    private Found requireMember(String partnerId, String memberId) {
        Organization organization = realm.organization(partnerId)
                .orElseThrow(() -> ProblemException.notFound("Partner '" + partnerId + "' has no member " + memberId + "."));
        User user = realm.member(organization.id(), memberId)
                .orElseThrow(() -> ProblemException.notFound("Partner '" + partnerId + "' has no member " + memberId + "."));
        return new Found(organization, user);
    }

    /** A partner-admin manages the partner's staff, never a holder of a programme role (only the PMO does). */
    private void requireManageable(Set<String> held) {
        if (!caller.hasRole(Roles.PMO_ADMIN) && Roles.PROGRAMME_ROLES.stream().anyMatch(held::contains)) {
            throw ProblemException.forbidden("This member holds a programme role; only the programme office (pmo-admin) changes their access.");
        }
    }

    private PartnerMember member(User user) {
        return member(user, realm.realmRoles(user.id()));
    }

    private static PartnerMember member(User user, Set<String> held) {
        return new PartnerMember().id(java.util.UUID.fromString(user.id())).username(user.username()).email(user.email())
                .firstName(user.firstName()).lastName(user.lastName())
                .roles(java.util.Arrays.stream(EstateHubRole.values()).filter(r -> held.contains(r.toString())).toList());
    }

    /** A member as recorded: `member` says whether they belong to the partner (a removal changes only that, perhaps). */
    private ObjectNode doc(PartnerMember member, boolean belongs) {
        ObjectNode node = audit.snapshot(member);
        node.put("member", belongs);
        return node;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
