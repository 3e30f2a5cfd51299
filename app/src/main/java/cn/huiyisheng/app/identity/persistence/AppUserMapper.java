package cn.huiyisheng.app.identity.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.List;

@Mapper
public interface AppUserMapper {

    AppUserRow find(@Param("username") String username);

    /** The account of the person with this key, if any (one account per person). */
    AppUserRow findByPersonKey(@Param("personKey") String personKey);

    int insert(AppUserRow row);

    /** Accounts with no person key yet (made before persons were keyed). */
    List<AppUserRow> findUnkeyed();

    int setPerson(@Param("username") String username, @Param("idNumber") String idNumber, @Param("personKey") String personKey,
                  @Param("personName") String personName);
}
