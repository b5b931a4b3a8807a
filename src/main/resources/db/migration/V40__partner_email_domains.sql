-- A partner's email domains (issue #18): its Keycloak organization's domains, which identity-first login
-- routes to the partner's own identity provider. A domain belongs to one partner at most, so the primary
-- key is the domain itself: two partners can never claim one, whatever the service checks first.
create table partner_email_domain (
    domain     varchar(253) primary key
               check (domain = lower(domain) and domain ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$'),
    partner_id varchar(40)  not null references partner (id)
);

create index partner_email_domain_partner on partner_email_domain (partner_id);
