// SOCI conversions Cairn needs that SOCI 4.0 lacks: std::optional<T> (NULL ⇄ nullopt) and bool
// (stored as INTEGER 0/1 in both backends, since SQLite has no boolean type).
#pragma once

#include <soci/soci.h>

#include <optional>

namespace soci {

template <typename T>
struct type_conversion<std::optional<T>> {
  using base_type = typename type_conversion<T>::base_type;

  static void from_base(const base_type& in, indicator ind, std::optional<T>& out) {
    if (ind == i_null) {
      out.reset();
    } else {
      T value;
      type_conversion<T>::from_base(in, ind, value);
      out = std::move(value);
    }
  }

  static void to_base(const std::optional<T>& in, base_type& out, indicator& ind) {
    if (in) {
      type_conversion<T>::to_base(*in, out, ind);
    } else {
      ind = i_null;
    }
  }
};

template <>
struct type_conversion<bool> {
  using base_type = int;
  static void from_base(int in, indicator ind, bool& out) { out = (ind != i_null && in != 0); }
  static void to_base(bool in, int& out, indicator& ind) {
    out = in ? 1 : 0;
    ind = i_ok;
  }
};

}  // namespace soci

namespace cairn::storage::internal {

// Prepares and runs `sql` on a statement whose into/use elements were added with exchange()
// (SOCI's form for column lists built at run time). Rows are then read with st.fetch().
inline void Execute(soci::statement& st, const std::string& sql) {
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(false);
}

}  // namespace cairn::storage::internal
