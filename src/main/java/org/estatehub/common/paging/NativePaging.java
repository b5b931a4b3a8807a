package org.estatehub.common.paging;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

/**
 * Runs a filtered native query as a page plus its total: the same FROM/WHERE and parameters for both,
 * so the total always counts exactly what the pages would list.
 */
public final class NativePaging {

    private NativePaging() {
    }

    /**
     * @param selectAlias the alias whose columns make the entity, e.g. "b" for "select b.*"
     * @param from        "from ... where ..." with named parameters
     * @param orderBy     a stable order, ending in a unique column
     */
    public static <T> Slice<T> page(EntityManager em, Class<T> type, String selectAlias, String from, String orderBy,
            Map<String, Object> params, int limit, int offset) {
        var select = em.createNativeQuery("select " + selectAlias + ".* " + from + " order by " + orderBy
                + " limit :limit offset :offset", type);
        var count = em.createNativeQuery("select count(*) " + from, Long.class);
        params.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        select.setParameter("limit", limit).setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<T> items = select.getResultList();
        return new Slice<>(items, ((Number) count.getSingleResult()).longValue());
    }
}
