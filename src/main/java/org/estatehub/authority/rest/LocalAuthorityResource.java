package org.estatehub.authority.rest;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.estatehub.api.LocalAuthoritiesApi;
import org.estatehub.api.model.LocalAuthorityPage;
import org.estatehub.api.model.LocalAuthorityType;
import org.estatehub.authority.mapping.LocalAuthorityMapper;
import org.estatehub.authority.service.LocalAuthoritySearch;

import io.quarkus.security.Authenticated;

/** The register of UK local authorities: public reference data, read with a token like every operation. */
@Authenticated
public class LocalAuthorityResource implements LocalAuthoritiesApi {

    @Inject
    LocalAuthoritySearch search;

    @Override
    public Response listLocalAuthorities(List<LocalAuthorityType> type, String region, String county, Boolean current,
            String name, Boolean inPartnershipArea, Integer limit, Integer offset) {
        Set<String> types = type == null ? Set.of()
                : type.stream().map(LocalAuthorityType::toString).collect(Collectors.toUnmodifiableSet());
        var slice = search.list(new LocalAuthoritySearch.Filter(types, blankToNull(region), county, current,
                blankToNull(name), inPartnershipArea), limit, offset);
        return Response.ok(new LocalAuthorityPage()
                .items(slice.items().stream()
                        .map(a -> LocalAuthorityMapper.toApi(a, search.inPartnershipArea(a))).toList())
                .total(slice.total())
                .limit(limit)
                .offset(offset)).build();
    }

    @Override
    public Response getLocalAuthority(String code) {
        var authority = search.get(code);
        return Response.ok(LocalAuthorityMapper.toApi(authority, search.inPartnershipArea(authority))).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
